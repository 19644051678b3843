import { stemmer } from 'stemmer'
import { eng, spa } from 'stopword'

/**
 * Word-level helpers shared by the quality checks. Function words are kept apart from content
 * words: spun copy replaces content words with synonyms but leaves most function words where they
 * were, and the subject of a text lives in its content words.
 */

// Words the stopword lists leave out that behave as function words in article prose.
const EXTRA_EN = (
  "does done doing may will shall us its it's not no nor when why whom whose own just yet via " +
  'upon whether although though per across within without among amongst onto toward towards'
).split(' ')
const STOPWORDS: Record<string, Set<string>> = {
  en: new Set([...eng, ...EXTRA_EN]),
  es: new Set(spa),
}

export type Language = 'en' | 'es'

/**
 * No word of any language the checks read is this long. Longer runs of letters are compared as
 * written: the spelling rules and the stemmer scan a word once per letter, so a 12,000-letter
 * "word" cost seconds, and it cannot be a form of any listed phrase anyway.
 */
export const MAX_WORD_LENGTH = 48

export const languageOf = (locale?: string | null): Language => (locale === 'es' ? 'es' : 'en')

/** Lower-cased words of a text; curly apostrophes become straight ones, numbers are kept. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []
  )
}

/** Function words, contractions ("they're") included. */
export function isStopword(word: string, language: Language = 'en'): boolean {
  return STOPWORDS[language].has(word) || word.includes("'")
}

export const isNumber = (word: string) => /^\p{N}+$/u.test(word)

/** English words are reduced to their Porter stem ("psychology", "psychological" → "psycholog"). */
export function stem(word: string, language: Language = 'en'): string {
  return language === 'en' && word.length <= MAX_WORD_LENGTH ? stemmer(word) : word
}

/** Stems of the content words of a text, in order. */
export function contentStems(text: string, language: Language = 'en'): string[] {
  return words(text)
    .filter((w) => w.length > 1 && !isNumber(w) && !isStopword(w, language))
    .map((w) => stem(w, language))
}
