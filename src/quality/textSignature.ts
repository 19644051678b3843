import { bandKeys, estimateJaccard, minHash } from './minHash'
import { contentStems, isNumber, isStopword, stem, words, type Language } from './text'

/**
 * How alike two texts are, in a way that survives synonym substitution ("article spinning").
 *
 * A spinner swaps content words for synonyms but keeps the sentence frame: the function words and
 * where they sit. So each text is summarised twice:
 * - structure: 5-word shingles of its skeleton, every content word replaced by "*"
 *   ("* can * a * of * ." survives "supply"→"give");
 * - vocabulary: the set of stemmed content words, which spinning changes only in part.
 * The score is the geometric mean of both: high only when a text shares the frame AND much of the
 * wording of another. A third sketch, of the plain (stemmed) 4-word shingles with their count,
 * estimates containment: how much of one text is copied word for word into another.
 *
 * Measured (MinHash estimates) on the three seed files, Haven's 7 demo articles and 7 distinct test
 * articles on the same subjects (tests/helpers/qualitySampleArticles.ts):
 *   seed pairs:  structure 0.46–0.52, vocabulary 0.51–0.59, score 0.51–0.52;
 *   133 other pairs: structure ≤ 0.05 (median 0.008), vocabulary ≤ 0.21, score ≤ 0.07 (median 0.014).
 * Plain 5-word-shingle Jaccard of the seed pairs is 0.05–0.11, which is why it is not the score.
 *
 * Candidate completeness (why the bands are what they are). A pair is flagged when
 * √(s·v) ≥ T = 0.3, i.e. s·v ≥ 0.09 (s, v ≤ 1, so s ≥ 0.09 and v ≥ 0.09). Each sketch has its own
 * family of LSH band keys: structure 64 bands of r = 2 rows (128 positions), vocabulary 72 bands
 * of r = 3 rows (216 positions). Two texts share no key of a family with probability
 * (1 − J^r)^bands, and are never compared only when both families miss:
 *   P(miss) = (1 − s²)^64 · (1 − v³)^72   on the curve s·v = 0.09.
 * Along that curve (every way of being exactly at the threshold):
 *   s = 0.09, v = 1:     0.9919^64 · 0            = 0
 *   s = 0.15, v = 0.6:   0.9775^64 · 0.784^72     = 0.23 · 2.5e-8  ≈ 6e-9
 *   s = 0.2,  v = 0.45:  0.96^64   · 0.909^72     = 0.073 · 0.0010 ≈ 7e-5
 *   s = 0.25, v = 0.36:  0.9375^64 · 0.953^72     = 0.016 · 0.031  ≈ 5e-4
 *   s = 0.3,  v = 0.3:   0.91^64   · 0.973^72     = 0.0024 · 0.14  ≈ 3.3e-4
 *   s = 0.4,  v = 0.225: 0.84^64   · 0.9886^72    = 1.4e-5 · 0.44  ≈ 6e-6
 * The largest value, about 5.4e-4 near s = 0.26, is below 1 in 1,000, and a pair above the
 * threshold is missed less often still (tests/unit/quality.test.ts scans the curve). Pairs scoring
 * from the structure side only are caught by structure keys, those from the vocabulary side by
 * vocabulary keys. The old 42 bands of 3 rows on structure alone missed a pair at s = 0.3 with
 * p = 0.973^42 ≈ 0.32, the 40 % partial copy of the issue among them.
 * The price is more candidates (about 13 % of the generated bench library; real articles share
 * less frame): src/quality/duplicateIndex.ts scores them from sketches it keeps in memory.
 */

export const SKELETON_SHINGLE = 5
const TEXT_SHINGLE = 4
export const STRUCTURE_BANDS = 64
export const STRUCTURE_ROWS = 2
export const VOCABULARY_BANDS = 72
export const VOCABULARY_ROWS = 3
const STRUCTURE_SIZE = STRUCTURE_BANDS * STRUCTURE_ROWS
const VOCABULARY_SIZE = VOCABULARY_BANDS * VOCABULARY_ROWS
const TEXT_SIZE = 128
const VOCABULARY_SALT = 0x5eed
const TEXT_SALT = 0x7e47

/** Scores at or above this are reported as likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.3
/** Share of another article's wording found in this one at or above which it is reported. */
export const CONTAINMENT_THRESHOLD = 0.15
/** Too little text to judge: shorter texts get no signature. */
export const MIN_WORDS = 40

/** Probability that a pair with the given Jaccard similarities shares no band key at all. */
export function missProbability(structure: number, vocabulary: number): number {
  return (
    (1 - structure ** STRUCTURE_ROWS) ** STRUCTURE_BANDS *
    (1 - vocabulary ** VOCABULARY_ROWS) ** VOCABULARY_BANDS
  )
}

export type TextSignature = {
  /** MinHash of the skeleton shingles. */
  structure: number[]
  /** MinHash of the stemmed content words. */
  vocabulary: number[]
  /** MinHash of the plain stemmed 4-word shingles, and how many distinct ones the text has. */
  text: number[]
  textCount: number
  /** LSH band keys of `structure` ("s…") and `vocabulary` ("v…"), stored in the index. */
  bands: string[]
  /** Distinct content-word stems, for the library's document frequencies (title check). */
  terms: string[]
}

function skeleton(tokens: string[], language: Language): string[] {
  return tokens.map((w) => (isNumber(w) ? '#' : isStopword(w, language) ? w : '*'))
}

// A shingle that is mostly "*" says little ("* * the * *" fits any text): only shingles with at
// least two function words count. Measured, this cuts the skeleton overlap of distinct articles
// from a median 0.024 to 0.007, and of the seed copy only from 0.47–0.55 to 0.44–0.52.
const MIN_FUNCTION_WORDS = 2

function skeletonShingles(tokens: string[], k: number): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + k <= tokens.length; i++) {
    const shingle = tokens.slice(i, i + k)
    if (shingle.filter((t) => t !== '*').length >= MIN_FUNCTION_WORDS) out.add(shingle.join(' '))
  }
  return out
}

function plainShingles(tokens: string[], k: number): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + k <= tokens.length; i++) out.add(tokens.slice(i, i + k).join(' '))
  return out
}

/** The signature of a text, or null when it is too short to compare meaningfully. */
export function textSignature(text: string, language: Language = 'en'): TextSignature | null {
  const tokens = words(text)
  if (tokens.length < MIN_WORDS) return null
  const structure = minHash(
    skeletonShingles(skeleton(tokens, language), SKELETON_SHINGLE),
    STRUCTURE_SIZE,
  )
  const terms = new Set(contentStems(text, language))
  const vocabulary = minHash(terms, VOCABULARY_SIZE, VOCABULARY_SALT)
  const plain = plainShingles(
    tokens.map((w) => stem(w, language)),
    TEXT_SHINGLE,
  )
  return {
    structure,
    vocabulary,
    text: minHash(plain, TEXT_SIZE, TEXT_SALT),
    textCount: plain.size,
    bands: [
      ...bandKeys(structure, STRUCTURE_BANDS, STRUCTURE_ROWS).map((k) => `s${k}`),
      ...bandKeys(vocabulary, VOCABULARY_BANDS, VOCABULARY_ROWS).map((k) => `v${k}`),
    ],
    terms: [...terms],
  }
}

export type Similarity = {
  score: number
  structure: number
  vocabulary: number
  /** Share of b's wording found in a, and of a's in b (0 when either text sketch is missing). */
  containsB: number
  containsA: number
}

type Comparable = Partial<Pick<TextSignature, 'text' | 'textCount'>> &
  Pick<TextSignature, 'structure' | 'vocabulary'>

const MIN_SHARED_POSITIONS = 3

const round = (n: number) => Math.round(n * 1000) / 1000

/**
 * Containment from Jaccard and set sizes: |A∩B| = J·(|A| + |B|) / (1 + J), divided by |B|.
 */
function containment(j: number, sizeA: number, sizeB: number): number {
  if (!sizeA || !sizeB) return 0
  return Math.min(1, round((j * (sizeA + sizeB)) / (1 + j) / sizeB))
}

export function compareSignatures(a: Comparable, b: Comparable): Similarity {
  const structure = estimateJaccard(a.structure, b.structure)
  const vocabulary = estimateJaccard(a.vocabulary, b.vocabulary)
  const score = round(Math.sqrt(structure * vocabulary))
  // One or two agreeing positions out of 128 happen by chance (stock phrases such as "it is
  // important to"); scaled up by a size ratio they would read as a sizeable share.
  const shared = a.text && b.text ? estimateJaccard(a.text, b.text) : 0
  const text = shared * TEXT_SIZE >= MIN_SHARED_POSITIONS ? shared : 0
  return {
    score,
    structure,
    vocabulary,
    containsB: containment(text, a.textCount ?? 0, b.textCount ?? 0),
    containsA: containment(text, b.textCount ?? 0, a.textCount ?? 0),
  }
}
