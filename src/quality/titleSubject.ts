import { contentStems, isNumber, isStopword, stem, words, type Language } from './text'

/**
 * Does the body treat what the title promises? The title's subject is taken as its runs of
 * content words ("dialectical behavior therapy", "resilience"), and each run is looked for in the
 * body as a phrase plus its acronym ("dbt"), and word by word averaged over the run. The best
 * run's mentions per 100 content words of the body is the measure: a body that treats a subject
 * names it again and again, one that only touches it does so once or twice in passing.
 *
 * Measured: the seed files score 0.00–0.12 (titled after a therapy or "resilience", about peer
 * support); Haven's demo articles and the distinct test articles 0.79–1.
 */

/** Mentions of the title's subject per 100 content words that count as fully treated. */
const FULL_COVERAGE = 2
/** Below this (0.6 mentions per 100 content words) the title is reported as not matching. */
export const MISMATCH_THRESHOLD = 0.3
/** Bodies with fewer content words are too short to judge. */
export const MIN_BODY_WORDS = 40

// Words that frame a title without naming its subject ("What is…", "How does … work").
const TITLE_FILLER = new Set([
  'what',
  'why',
  'how',
  'when',
  'which',
  'who',
  'does',
  'work',
  'works',
  'guide',
  'introduction',
  'understanding',
  'overview',
  'explained',
  'tips',
  'ways',
  'things',
  'everything',
  'need',
  'know',
  'benefits',
  'advantages',
  'complete',
  'ultimate',
  'best',
  'top',
  'new',
])

export type TitleMatch = {
  /** 0 (body never treats the title's subject) … 1 (it is the body's main term). */
  score: number
  /** The title's subject runs, as written. */
  subjects: string[]
}

function titleRuns(title: string, language: Language): string[][] {
  const runs: string[][] = []
  // Punctuation ends a run: "Cognitive behavioural therapy (CBT): how…" has runs before and after.
  for (const part of title.split(/[()[\]:;,.!?–—|"“”]+/)) {
    let run: string[] = []
    for (const w of words(part)) {
      const filler = isStopword(w, language) || isNumber(w) || TITLE_FILLER.has(w)
      if (filler) {
        if (run.length) runs.push(run)
        run = []
      } else run.push(w)
    }
    if (run.length) runs.push(run)
  }
  return runs
}

const initials = (run: string[]) => run.map((w) => w[0]).join('')

function countPhrase(haystack: string[], phrase: string[]): number {
  let n = 0
  for (let i = 0; i + phrase.length <= haystack.length; i++)
    if (phrase.every((p, j) => haystack[i + j] === p)) n++
  return n
}

export function titleMatch(title: string, body: string, language: Language = 'en'): TitleMatch {
  const runs = titleRuns(title, language)
  const bodyWords = words(body)
  const bodyStems = bodyWords.map((w) => stem(w, language))
  const counts = new Map<string, number>()
  for (const s of contentStems(body, language)) counts.set(s, (counts.get(s) ?? 0) + 1)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const subjects = runs.map((r) => r.join(' '))
  if (runs.length === 0 || total === 0) return { score: 1, subjects }

  let best = 0
  for (const run of runs) {
    const stems = run.map((w) => stem(w, language))
    // Any stretch of two or more words, as a phrase or as its acronym ("therapy skills", "dbt").
    for (let from = 0; from < run.length - 1; from++)
      for (let to = from + 2; to <= run.length; to++) {
        const phrase = countPhrase(bodyStems, stems.slice(from, to))
        const acronym = countPhrase(bodyWords, [initials(run.slice(from, to))])
        best = Math.max(best, phrase + acronym)
      }
    // Averaging over the run's words makes a missing word count: "therapy" alone does not cover
    // "dialectical behavior therapy".
    const mean = stems.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0) / stems.length
    best = Math.max(best, mean)
  }
  const perHundred = (best / total) * 100
  return { score: Math.min(1, Math.round((perHundred / FULL_COVERAGE) * 1000) / 1000), subjects }
}

export const countContentWords = (text: string, language: Language = 'en') =>
  contentStems(text, language).length
