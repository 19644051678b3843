/**
 * Deterministic generated articles for the import benchmark: English function words in varied
 * sentence shapes around a pseudo-word vocabulary with a Zipf-like spread, so articles differ the
 * way real ones do (different wording, the same grammar) without shipping a text corpus.
 */

export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = () => number
const pick = <T>(rand: Rand, items: readonly T[]) => items[Math.floor(rand() * items.length)]

const SYLLABLES = 'ba be bi bo mar ten sol vin ka lo ri pen dor mi sta gre fu nel tor ca'.split(' ')
const vocabulary = (() => {
  const rand = random(7)
  const words = new Set<string>()
  while (words.size < 4000) {
    const n = 2 + Math.floor(rand() * 2)
    words.add(Array.from({ length: n }, () => pick(rand, SYLLABLES)).join(''))
  }
  return [...words]
})()
// Zipf-like: low ranks are drawn far more often, as in real prose.
const word = (rand: Rand) => vocabulary[Math.floor(vocabulary.length * rand() ** 2.5)]

const DET = ['the', 'a', 'their', 'this', 'these', 'many', 'some', 'every', 'our', 'your', 'most']
const AUX = ['can', 'may', 'should', 'will', 'might', 'could', 'often', 'also', 'do not', 'must']
const PREP = ['in', 'of', 'for', 'with', 'through', 'about', 'after', 'before', 'during', 'from']
const CONJ = ['and', 'but', 'because', 'while', 'when', 'although', 'so that', 'if', 'until']

function nounPhrase(rand: Rand) {
  const adjectives = Array.from({ length: Math.floor(rand() * 2.2) }, () => word(rand))
  return [rand() < 0.8 ? pick(rand, DET) : '', ...adjectives, word(rand)].filter(Boolean).join(' ')
}

function clause(rand: Rand): string {
  const verb = rand() < 0.4 ? `${pick(rand, AUX)} ${word(rand)}` : word(rand)
  const parts = [nounPhrase(rand), verb]
  if (rand() < 0.7) parts.push(nounPhrase(rand))
  if (rand() < 0.5) parts.push(`${pick(rand, PREP)} ${nounPhrase(rand)}`)
  return parts.join(' ')
}

function sentence(rand: Rand, subject: string): string {
  let text = clause(rand)
  if (rand() < 0.35) text += ` ${pick(rand, CONJ)} ${clause(rand)}`
  if (rand() < 0.2) text += ` ${pick(rand, PREP)} ${subject}`
  return `${text[0].toUpperCase()}${text.slice(1)}.`
}

const capitalise = (s: string) => s.replace(/(^|\s)(\w)/g, (_, sp, c) => sp + c.toUpperCase())

/** One article as plain text in the layout the importer reads (title, headings, paragraphs). */
export function generateArticle(n: number): { title: string; text: string } {
  const rand = random(1000 + n)
  const subject = `${word(rand)} ${word(rand)}`
  const title = capitalise(
    `${pick(rand, ['Understanding', 'Living with', 'Notes on'])} ${subject} ${n}`,
  )
  const lines = [title, '']
  for (let s = 1; s <= 4; s++) {
    lines.push(`${s}. ${capitalise(`${word(rand)} ${word(rand)}`)}`)
    for (let p = 0; p < 3; p++) {
      const count = 3 + Math.floor(rand() * 3)
      const paragraph = Array.from({ length: count }, () => sentence(rand, subject)).join(' ')
      lines.push(
        p === 0
          ? `${capitalise(subject)} ${paragraph[0].toLowerCase()}${paragraph.slice(1)}`
          : paragraph,
      )
      lines.push('')
    }
  }
  return { title, text: lines.join('\n') }
}

const FUNCTION = new Set([...DET, ...AUX, ...PREP, ...CONJ].flatMap((w) => w.split(' ')))

/**
 * A spun copy, the way article spinners make them: about half the content words swapped for a
 * synonym (here: another word), some for a two-word phrase, and one function word in ten changed.
 */
export function spin(text: string, seed: number): string {
  const rand = random(seed)
  const functionWords = [...FUNCTION]
  return text.replace(/[A-Za-z]+/g, (w) => {
    const r = rand()
    if (FUNCTION.has(w.toLowerCase())) return r < 0.1 ? pick(rand, functionWords) : w
    if (r < 0.45) return word(rand)
    if (r < 0.55) return `${word(rand)} ${word(rand)}`
    return w
  })
}
