import { isNumber, isStopword, stem, type Language } from './text'

/**
 * Key phrases of a text, as topic suggestions for the editor: runs of content words between
 * function words and punctuation ("peer support", "emotion regulation"), counted by stem, longer
 * phrases preferred, and a shorter phrase dropped when a longer one containing it is nearly as
 * frequent ("peer" inside "peer support").
 */

// Frequent in any article about wellbeing, never a topic on their own.
const GENERIC = new Set(
  'people person someone something share shared ask individuals participants members experiences experience situations team feel feeling feelings help helps helping make makes time times way ways thing things lot lots often can also even really many much part able need needs use used good better best new first next one two three year years week weeks day days life lives others other every sense kind try'.split(
    ' ',
  ),
)

export type TopicSuggestion = { phrase: string; count: number }

const MIN_WORD_COUNT = 4

type Candidate = { stems: string[]; count: number; forms: Map<string, number> }

export function suggestTopics(
  text: string,
  { language = 'en', limit = 5 }: { language?: Language; limit?: number } = {},
): TopicSuggestion[] {
  const candidates = new Map<string, Candidate>()
  for (const segment of text.toLowerCase().split(/[.,;:!?()[\]"“”\n]+/)) {
    const run: string[] = []
    const flush = () => {
      for (let n = 1; n <= 3; n++)
        for (let i = 0; i + n <= run.length; i++) {
          const phrase = run.slice(i, i + n)
          if (n === 1 && (GENERIC.has(phrase[0]) || phrase[0].length < 3)) continue
          const stems = phrase.map((w) => stem(w, language))
          const key = stems.join(' ')
          const c = candidates.get(key) ?? { stems, count: 0, forms: new Map() }
          c.count++
          const form = phrase.join(' ')
          c.forms.set(form, (c.forms.get(form) ?? 0) + 1)
          candidates.set(key, c)
        }
      run.length = 0
    }
    for (const w of segment.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []) {
      if (isStopword(w, language) || isNumber(w)) flush()
      else run.push(w)
    }
    flush()
  }

  // A single word has to recur more than a phrase to say what a text is about.
  const frequent = [...candidates.values()].filter(
    (c) => c.count >= (c.stems.length === 1 ? MIN_WORD_COUNT : 2),
  )
  const contains = (longer: Candidate, shorter: Candidate) =>
    longer.stems.length > shorter.stems.length &&
    ` ${longer.stems.join(' ')} `.includes(` ${shorter.stems.join(' ')} `)
  const kept = frequent.filter(
    (c) =>
      // "peer" is only ever part of "peer support"; "peer support system" is a variant of it.
      !frequent.some((longer) => contains(longer, c) && longer.count >= c.count * 0.6) &&
      !frequent.some((shorter) => contains(c, shorter) && shorter.count >= c.count * 2),
  )
  return kept
    .map((c) => ({
      phrase: [...c.forms.entries()].sort((a, b) => b[1] - a[1])[0][0],
      count: c.count,
      weight: c.count * (1 + 0.5 * (c.stems.length - 1)),
    }))
    .sort((a, b) => b.weight - a.weight || a.phrase.localeCompare(b.phrase))
    .slice(0, limit)
    .map(({ phrase, count }) => ({ phrase, count }))
}
