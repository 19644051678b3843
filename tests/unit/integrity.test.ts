import { importName } from '../../src/import/collectFiles'
import { parseArticleText } from '../../src/import/parseArticleText'
import { suggestContentWarnings } from '../../src/checks/contentWarningCheck'
import { defaultBlockedPhrases } from '../../src/quality/defaultBlockedPhrases'
import { findBlockedPhrases } from '../../src/quality/findBlockedPhrases'
import { isPlausibleTitle } from '../../src/quality/isPlausibleTitle'
import { contentStems } from '../../src/quality/text'
import {
  compareSignatures,
  CONTAINMENT_THRESHOLD,
  DUPLICATE_THRESHOLD,
  missProbability,
  textSignature,
  type TextSignature,
} from '../../src/quality/textSignature'
import {
  inverseDocumentFrequency,
  MISMATCH_THRESHOLD,
  titleMatch,
} from '../../src/quality/titleSubject'
import { demoArticles } from '../../src/seed/demoArticles'
import {
  join,
  partialCopy,
  peerSupportSource,
  peerSupportSynonyms,
  peerSupportSynonymsReordered,
  sleepArticle,
  workplaceArticle,
} from '../helpers/integrityTexts'
import { plainText, sampleArticles } from '../helpers/qualitySampleArticles'

const sign = (text: string) => textSignature(text) as TextSignature
const source = sign(join(peerSupportSource))
const sharesBand = (a: TextSignature, b: TextSignature) => a.bands.some((k) => b.bands.includes(k))

describe('candidate completeness of the duplicate index', () => {
  it('misses a pair at the flag score with probability below 1 in 1,000, on the whole curve', () => {
    // Every way of scoring exactly T = 0.3: structure s and vocabulary v with s·v = 0.09.
    let worst = 0
    for (let s = 0.09; s <= 1; s += 0.001) worst = Math.max(worst, missProbability(s, 0.09 / s))
    expect(worst).toBeLessThan(1 / 1000)
    // The table in textSignature.ts: balanced pair, and the worst point near s = 0.26.
    expect(missProbability(0.3, 0.3)).toBeCloseTo(3.3e-4, 4)
    expect(worst).toBeGreaterThan(4e-4)
    // Above the threshold it only gets better.
    expect(missProbability(0.35, 0.35)).toBeLessThan(missProbability(0.3, 0.3))
  })

  it('puts every flagged hand-made copy in a shared bucket with its source', () => {
    for (const text of [
      partialCopy(0.4),
      partialCopy(0.6),
      join(peerSupportSynonyms),
      join(peerSupportSynonymsReordered),
    ]) {
      const copy = sign(text)
      const similarity = compareSignatures(copy, source)
      expect(
        similarity.score >= DUPLICATE_THRESHOLD || similarity.containsB >= CONTAINMENT_THRESHOLD,
      ).toBe(true)
      expect(sharesBand(copy, source)).toBe(true)
    }
  })
})

describe('partial copies (containment)', () => {
  it.each([
    [0.2, 0.12, 0.3],
    [0.4, 0.3, 0.5],
    [0.6, 0.5, 0.7],
  ])('a text copying %s of the source word for word contains that share', (share, low, high) => {
    const { containsB, containsA } = compareSignatures(sign(partialCopy(share)), source)
    expect(containsB).toBeGreaterThan(low)
    expect(containsB).toBeLessThan(high)
    // Same length, so the source contains about as much of the copy.
    expect(Math.abs(containsA - containsB)).toBeLessThan(0.1)
    expect(containsB).toBeGreaterThanOrEqual(CONTAINMENT_THRESHOLD)
  })

  it('finds no containment between distinct articles', () => {
    const sleep = sign(join(sleepArticle))
    const work = sign(join(workplaceArticle))
    for (const [a, b] of [
      [sleep, source],
      [work, source],
      [sleep, work],
    ]) {
      const similarity = compareSignatures(a, b)
      expect(Math.max(similarity.containsA, similarity.containsB)).toBeLessThan(
        CONTAINMENT_THRESHOLD,
      )
      expect(similarity.score).toBeLessThan(DUPLICATE_THRESHOLD)
    }
  })

  it('does not blow a chance match up into a share when one text is much longer', () => {
    const long = sign(join([...sleepArticle, ...workplaceArticle, ...sleepArticle.slice(3)]))
    const short = sign(join(peerSupportSource.slice(0, 6)))
    const { containsA, containsB } = compareSignatures(long, short)
    expect(Math.max(containsA, containsB)).toBeLessThan(CONTAINMENT_THRESHOLD)
  })
})

describe('synonym rewrites', () => {
  it('scores a rewrite in the original order and one with reordered sentences as duplicates', () => {
    for (const rewrite of [peerSupportSynonyms, peerSupportSynonymsReordered])
      expect(compareSignatures(sign(join(rewrite)), source).score).toBeGreaterThanOrEqual(
        DUPLICATE_THRESHOLD,
      )
  })
})

describe('title–body mismatch weighs title words by specificity', () => {
  // The library: Haven's demo articles, the distinct sample articles and the hand-made ones.
  const library = [
    ...[...demoArticles, ...sampleArticles].map((a) => plainText(a.blocks)),
    join(peerSupportSource),
    join(sleepArticle),
    join(workplaceArticle),
  ].map((text) => new Set(contentStems(text)))
  const idf = (stem: string) =>
    inverseDocumentFrequency(library.filter((terms) => terms.has(stem)).length, library.length)
  const body = join(peerSupportSource)

  it.each(['Mental Health Rights In The Workplace', 'Sleep tips for anxious nights'])(
    'flags the generic title “%s” over a body about peer-support groups',
    (title) => {
      expect(titleMatch(title, body, 'en', idf).score).toBeLessThan(MISMATCH_THRESHOLD)
    },
  )

  it('ignores initials: “anxious nights” is not covered by the word “an”', () => {
    const text = `${body} An an an an an an an an an an an an.`
    expect(titleMatch('Sleep tips for anxious nights', text, 'en', idf).score).toBeLessThan(
      MISMATCH_THRESHOLD,
    )
  })

  it('passes titles that say what the body is about', () => {
    for (const title of ['Why peer support groups help', 'Your first peer support group meeting'])
      expect(titleMatch(title, body, 'en', idf).score).toBeGreaterThanOrEqual(MISMATCH_THRESHOLD)
    expect(
      titleMatch('Sleep tips for anxious nights', join(sleepArticle), 'en', idf).score,
    ).toBeGreaterThanOrEqual(MISMATCH_THRESHOLD)
    expect(
      titleMatch('Mental Health Rights In The Workplace', join(workplaceArticle), 'en', idf).score,
    ).toBeGreaterThanOrEqual(MISMATCH_THRESHOLD)
  })

  it('weighs a word found in every article of the library near zero', () => {
    expect(inverseDocumentFrequency(99, 99)).toBe(0)
    expect(inverseDocumentFrequency(0, 99)).toBeGreaterThan(4)
  })
})

describe('blocked phrase variants', () => {
  it.each([
    [
      'We specialise in dual-diagnosis treatment.',
      'dual diagnosis treatment',
      'dual-diagnosis treatment',
    ],
    ['Book cbt-therapy today.', 'cbt therapy', 'cbt-therapy'],
    [
      'Your first online therapy session is free.',
      'online therapy sessions',
      'online therapy session',
    ],
    [
      'Join our Depression Treatment Programme now.',
      'depression treatment program',
      'Depression Treatment Programme',
    ],
    ['The best rehab centre in town.', 'rehab center', 'rehab centre'],
    [
      'Visit our treatment-centers, CBT (therapy) included.',
      'treatment center',
      'treatment-centers',
    ],
    [
      'A list of anxiety treatment programs.',
      'anxiety treatment program',
      'anxiety treatment programs',
    ],
    ['Ask about dual diagnoses treatment.', 'dual diagnosis treatment', 'dual diagnoses treatment'],
  ])('%s', (text, phrase, written) => {
    const found = findBlockedPhrases(text, defaultBlockedPhrases)
    const match = found.find((f) => f.phrase === phrase)
    expect(match).toBeDefined()
    expect(match!.text).toBe(written)
  })

  it('still matches whole words only', () => {
    expect(
      findBlockedPhrases('Retreatment centers and a cheapest therapy-ish', defaultBlockedPhrases),
    ).toEqual([])
  })
})

describe('content-warning suggestions', () => {
  it('suggests a warning for a body that discusses self-harm, and for each listed subject', () => {
    const selfHarm =
      'Self-harm is often a way of coping with overwhelming feelings. People who self harm may hide injuries. If someone tells you they are self-harming, stay calm and listen.'
    expect(suggestContentWarnings(selfHarm).map((s) => s.warning)).toEqual(['self-harm'])
    const mixed =
      'After years of domestic abuse she developed an eating disorder. Anorexia and the trauma of the abusive relationship were treated together; flashbacks eased. Her drinking and alcohol use fell. Thoughts of suicide, and suicidal urges, are common.'
    expect(
      suggestContentWarnings(mixed)
        .map((s) => s.warning)
        .sort(),
    ).toEqual(['abuse', 'eating-disorders', 'substance-use', 'suicide', 'trauma'])
  })

  it('suggests nothing for a passing mention or for unrelated articles', () => {
    expect(suggestContentWarnings('Some groups also support people after a suicide.')).toEqual([])
    for (const text of [peerSupportSource, sleepArticle, workplaceArticle])
      expect(suggestContentWarnings(join(text))).toEqual([])
  })
})

describe('import identity and titles', () => {
  it('identifies a file by its path relative to the import root', () => {
    expect(importName('/data/import/siteA/article.txt', '/data/import')).toBe('siteA/article.txt')
    expect(importName('/data/import/siteB/article.txt', '/data/import')).toBe('siteB/article.txt')
    expect(importName('/elsewhere/article.txt', '/data/import')).toBeNull()
  })

  it('gives a file without a title line a short stand-in title and keeps the sentence', () => {
    const first =
      'When I first walked into the community hall on a wet Tuesday evening I had no idea that the people sitting in that circle would become my closest friends.'
    const parsed = parseArticleText(`${first}\n\n${join(peerSupportSource)}\n`)
    expect(parsed.untitled).toBe(true)
    expect(parsed.title.endsWith('…')).toBe(true)
    expect(parsed.title.length).toBeLessThanOrEqual(61)
    expect(isPlausibleTitle(parsed.title)).toBe(false)
    expect(parsed.blocks[0]).toEqual({ type: 'paragraph', text: first })
  })

  it('keeps a real title line', () => {
    const parsed = parseArticleText(`Why peer support groups help\n\n${join(peerSupportSource)}\n`)
    expect(parsed.untitled).toBe(false)
    expect(parsed.title).toBe('Why peer support groups help')
    for (const t of demoArticles.map((a) => a.title)) expect(isPlausibleTitle(t)).toBe(true)
  })
})
