import { stemmer } from 'stemmer'

import { MAX_WORD_LENGTH } from './text'

export type BlockedPhrase = { phrase: string; reason?: string | null }
export type BlockedPhraseMatch = {
  phrase: string
  reason?: string | null
  /** The first occurrence exactly as written in the text. */
  text: string
  count: number
}

/** Lower-cased, single-spaced form of a phrase: the form stored and compared. */
export const normalisePhrase = (phrase: string) => phrase.trim().toLowerCase().replace(/\s+/g, ' ')

// British spellings mapped onto American ones. Applied to the list and the text alike, so a rule
// that also changes some unrelated word ("devour") can only make two spellings meet, never hide a
// match. Longer words only, so short words ("four", "hour", "rise") are left alone.
const SPELLING: Array<[RegExp, string]> = [
  [/([a-z]{3,}[oy])ses$/, '$1sis'], // diagnoses, psychoses: the Porter stem keeps them apart
  [/^programme(s?)$/, 'program$1'],
  [/([^aeiou])tre(s?)$/, '$1ter$2'], // centre, theatre
  [/([a-z]{3,})our(s|ed|ing|al|ally)?$/, '$1or$2'], // behaviour(al), colour
  [/([a-z]{3,})is(e|es|ed|ing|ation|ations)$/, '$1iz$2'], // organisation, specialised
  [/([a-z]{2,})ys(e|es|ed|ing)$/, '$1yz$2'], // analyse
  [/([a-z]{3,}[aeiou])ll(ing|ed|or|ors)$/, '$1l$2'], // counselling, counsellor
  [/^(p|h|an)ae/, '$1e'], // paediatric, haematology, anaemia
  [/^oes/, 'es'], // oestrogen
  [/([a-z]{3,})ogue(s?)$/, '$1og$2'], // dialogue
]

/** The form a word is compared in: lower case, American spelling, singular (Porter stem). */
export function canonicalWord(word: string): string {
  let w = word.toLowerCase().replace(/[\u2018\u2019\u02bc']/g, '')
  if (w.length > MAX_WORD_LENGTH) return w
  if (w.length > 4) for (const [from, to] of SPELLING) w = w.replace(from, to)
  return stemmer(w)
}

type Token = { word: string; start: number; end: number }

// Hyphens, apostrophes and other punctuation separate words: "cbt-therapy" is "cbt therapy".
function tokens(text: string): Token[] {
  // Prose repeats its words; each distinct one is normalised once.
  const canonical = new Map<string, string>()
  return Array.from(text.matchAll(/[\p{L}\p{N}]+/gu), (m) => {
    let word = canonical.get(m[0])
    if (word === undefined) canonical.set(m[0], (word = canonicalWord(m[0])))
    return { word, start: m.index, end: m.index + m[0].length }
  })
}

/** A text read once for phrase matching, so several phrase lists can be looked up in it. */
export type PhraseText = {
  text: string
  words: Token[]
  positions: Map<string, number[]>
}

export function readForPhrases(text: string): PhraseText {
  const words = tokens(text)
  const positions = new Map<string, number[]>()
  words.forEach((t, i) => (positions.get(t.word) ?? positions.set(t.word, []).get(t.word)!).push(i))
  return { text, words, positions }
}

const phraseCache = new Map<string, string[]>()
const phraseWords = (phrase: string) => {
  let words = phraseCache.get(phrase)
  if (!words) phraseCache.set(phrase, (words = tokens(phrase).map((t) => t.word)))
  return words
}

/**
 * Blocked phrases found in a text, each once, with how often it occurs and how it was first
 * written. Phrase and text are compared word by word in a normalised form: case, hyphens and
 * punctuation, singular and plural, British and American spelling do not matter
 * ("Dual-Diagnosis Treatments", "CBT-therapy", "online therapy session", "programme").
 */
export function findBlockedPhrases(
  source: string | PhraseText,
  phrases: BlockedPhrase[],
): BlockedPhraseMatch[] {
  const { text, words, positions } = typeof source === 'string' ? readForPhrases(source) : source
  const found: Array<BlockedPhraseMatch & { key: string }> = []
  const seen = new Set<string>()
  for (const entry of phrases) {
    const target = phraseWords(normalisePhrase(entry.phrase))
    const key = target.join(' ')
    if (target.length === 0 || seen.has(key)) continue
    seen.add(key)
    let first: Token[] | null = null
    let count = 0
    for (const i of positions.get(target[0]) ?? []) {
      if (!target.every((w, j) => words[i + j]?.word === w)) continue
      count++
      first ??= [words[i], words[i + target.length - 1]]
    }
    if (first)
      found.push({
        phrase: normalisePhrase(entry.phrase),
        reason: entry.reason,
        text: text.slice(first[0].start, first[1].end),
        count,
        key,
      })
  }
  // "addiction treatment center" already says all that "treatment center" would.
  return found
    .filter(
      (f) =>
        !found.some((o) => o !== f && ` ${o.key} `.includes(` ${f.key} `) && o.count >= f.count),
    )
    .map(({ key: _key, ...match }) => match)
}
