import { backgroundEn } from './backgroundFrequencies.en'
import { backgroundEs } from './backgroundFrequencies.es'
import type { Language } from './text'
import { inverseDocumentFrequency, type WordWeight } from './titleSubject'

/** How many of a corpus's documents contain each stem (stems as the title check makes them). */
export type DocumentFrequencies = {
  documents: number
  /** What the counts were taken from. */
  sources: string[]
  df: Record<string, number>
}

const BACKGROUND: Record<Language, DocumentFrequencies> = { en: backgroundEn, es: backgroundEs }

/**
 * The library's own frequencies count as much as the shipped table once it holds this many
 * articles. Below a few dozen articles a library's counts are mostly chance (with 3 articles every
 * word is in 0, 1, 2 or 3 of them), so they weigh little; a library of hundreds describes its own
 * writing better than any shipped table, so it takes over (n = 500: 91 %). 50 is about the size of
 * the corpus the table was built from, so a library of that size and the table are equals.
 */
export const LIBRARY_HALF_WEIGHT = 50

const has = (df: Record<string, number>, stem: string) => Object.hasOwn(df, stem)

/** The library's share of a word's weight, 0 (empty library) … 1. */
export const libraryShare = (articles: number) => articles / (articles + LIBRARY_HALF_WEIGHT)

/**
 * Title-word weights that do not depend on how big the library is: inverse document frequency
 * from the shipped domain corpus, blended with the library's own as it grows. A general-language
 * word list would not do: "mental" is rare in everyday English and in nearly every Haven article.
 */
export function blendedWeights(
  language: Language,
  library: { articles: number; documentsWith: Map<string, number> },
): WordWeight {
  const background = BACKGROUND[language]
  const share = libraryShare(library.articles)
  return (stem) => {
    const fromBackground = inverseDocumentFrequency(
      has(background.df, stem) ? background.df[stem] : 0,
      background.documents,
    )
    if (share === 0) return fromBackground
    const fromLibrary = inverseDocumentFrequency(
      library.documentsWith.get(stem) ?? 0,
      library.articles,
    )
    return (1 - share) * fromBackground + share * fromLibrary
  }
}

/** Weights from the shipped table alone: an empty library. */
export const backgroundWeights = (language: Language): WordWeight =>
  blendedWeights(language, { articles: 0, documentsWith: new Map() })
