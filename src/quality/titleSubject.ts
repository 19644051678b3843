import { contentStems, isNumber, isStopword, stem, words, type Language } from './text'

/**
 * Does the body treat what the title promises? The title's subject is taken as its runs of
 * content words ("dialectical behavior therapy", "resilience"). Each word of a run is weighed by
 * how specific it is in the library (inverse document frequency: "mental" and "health" are in
 * nearly every article and say little, "workplace" and "rights" say what the article is about),
 * and counts its mentions in the body up to full coverage; the acronym of a run ("dbt") counts as
 * a mention of each of its words. Stopwords, framing words ("tips", "guide") and acronyms shorter
 * than three letters or equal to a function word ("an") are ignored. The best run's weighted
 * mentions per 100 content words of the body is the measure: a body that treats a subject names
 * it again and again, one that only touches it does so once or twice in passing.
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
      // Single letters are initials ("J. Smith") or list markers, not a subject.
      const filler = w.length < 2 || isStopword(w, language) || isNumber(w) || TITLE_FILLER.has(w)
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

/**
 * How specific a stem is (higher: rarer). The check blends a shipped domain table with the library
 * (backgroundWeights.ts); without weights every word weighs 1.
 */
export type WordWeight = (stem: string) => number

/** The stems of the title's subject words, for looking up their weights. */
export function titleStems(title: string, language: Language = 'en'): string[] {
  return [...new Set(titleRuns(title, language).flatMap((r) => r.map((w) => stem(w, language))))]
}

/** Inverse document frequency, from how many of `total` documents contain the stem. */
export function inverseDocumentFrequency(documents: number, total: number): number {
  return Math.log((total + 1) / (documents + 1))
}

// A word in every article still weighs a little, so a title of only such words is not weightless.
const MIN_WEIGHT = 0.05

export function titleMatch(
  title: string,
  body: string,
  language: Language = 'en',
  weightOf: WordWeight = () => 1,
): TitleMatch {
  const runs = titleRuns(title, language)
  const bodyWords = words(body)
  const counts = new Map<string, number>()
  for (const s of contentStems(body, language)) counts.set(s, (counts.get(s) ?? 0) + 1)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const subjects = runs.map((r) => r.join(' '))
  if (runs.length === 0 || total === 0) return { score: 1, subjects }

  // Mentions that count as full coverage of one word; more says nothing new.
  const full = (FULL_COVERAGE * total) / 100
  let best = 0
  for (const run of runs) {
    const acronym = initials(run)
    const acronymMentions =
      run.length > 1 && acronym.length >= 3 && !isStopword(acronym, language)
        ? bodyWords.filter((w) => w === acronym).length
        : 0
    let weighted = 0
    let weights = 0
    for (const w of run) {
      const s = stem(w, language)
      const weight = Math.max(MIN_WEIGHT, weightOf(s))
      weighted += weight * Math.min(full, (counts.get(s) ?? 0) + acronymMentions)
      weights += weight
    }
    best = Math.max(best, weighted / weights)
  }
  const perHundred = (best / total) * 100
  return { score: Math.min(1, Math.round((perHundred / FULL_COVERAGE) * 1000) / 1000), subjects }
}

export const countContentWords = (text: string, language: Language = 'en') =>
  contentStems(text, language).length
