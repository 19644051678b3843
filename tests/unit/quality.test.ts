import { decodeText } from '../../src/import/decodeText'
import { parseArticleText } from '../../src/import/parseArticleText'
import { defaultBlockedPhrases } from '../../src/quality/defaultBlockedPhrases'
import { findBlockedPhrases } from '../../src/quality/findBlockedPhrases'
import { suggestTopics } from '../../src/quality/suggestTopics'
import { words } from '../../src/quality/text'
import {
  compareSignatures,
  DUPLICATE_THRESHOLD,
  textSignature,
  type TextSignature,
} from '../../src/quality/textSignature'
import { MISMATCH_THRESHOLD, titleMatch } from '../../src/quality/titleSubject'
import { demoArticles } from '../../src/seed/demoArticles'
import { plainText, readSeeds, sampleArticles } from '../helpers/qualitySampleArticles'

const seeds = readSeeds().map(({ file, bytes }) => {
  const parsed = parseArticleText(decodeText(bytes))
  return { name: file, title: parsed.title, text: plainText(parsed.blocks) }
})
const distinct = [...demoArticles, ...sampleArticles].map((a) => ({
  name: a.title,
  title: a.title,
  text: plainText(a.blocks),
}))

const signatures = new Map<string, TextSignature>()
const signature = (text: string) => {
  if (!signatures.has(text)) signatures.set(text, textSignature(text) as TextSignature)
  return signatures.get(text) as TextSignature
}
const pairs = <T>(items: T[]) => items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b]))

function shingleJaccard(a: string, b: string, k = 5) {
  const set = (t: string) => {
    const w = words(t)
    return new Set(w.slice(0, w.length - k + 1).map((_, i) => w.slice(i, i + k).join(' ')))
  }
  const [x, y] = [set(a), set(b)]
  const shared = [...x].filter((s) => y.has(s)).length
  return shared / (x.size + y.size - shared)
}

describe('duplicate signatures', () => {
  it('the seeds are spun: plain 5-word shingles barely see them as related', () => {
    for (const [a, b] of pairs(seeds)) expect(shingleJaccard(a.text, b.text)).toBeLessThan(0.15)
  })

  it('scores every pair of seeds as a likely duplicate', () => {
    for (const [a, b] of pairs(seeds)) {
      const similarity = compareSignatures(signature(a.text), signature(b.text))
      expect(similarity.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD)
    }
  })

  it('puts every pair of seeds in the same index bucket at least once', () => {
    for (const [a, b] of pairs(seeds)) {
      const other = new Set(signature(b.text).bands)
      expect(signature(a.text).bands.some((k) => other.has(k))).toBe(true)
    }
  })

  it('does not flag distinct articles, including several on the same subjects', () => {
    const all = [...distinct, ...seeds]
    for (const [a, b] of pairs(all)) {
      if (seeds.includes(a as never) && seeds.includes(b as never)) continue
      const { score } = compareSignatures(signature(a.text), signature(b.text))
      expect({ pair: `${a.name} / ${b.name}`, flagged: score >= DUPLICATE_THRESHOLD }).toEqual({
        pair: `${a.name} / ${b.name}`,
        flagged: false,
      })
    }
  })

  it('scores an identical copy 1 and gives no signature to a text too short to judge', () => {
    const s = signature(seeds[0].text)
    expect(compareSignatures(s, signature(seeds[0].text)).score).toBe(1)
    expect(textSignature('A short note about sleep.')).toBeNull()
  })
})

describe('title subject', () => {
  it('flags each seed: titled after a therapy or resilience, but about peer support', () => {
    for (const seed of seeds)
      expect(titleMatch(seed.title, seed.text).score).toBeLessThan(MISMATCH_THRESHOLD)
  })

  it('passes the demo articles and the sample articles', () => {
    for (const article of distinct)
      expect({
        title: article.title,
        ok: titleMatch(article.title, article.text).score >= MISMATCH_THRESHOLD,
      }).toEqual({
        title: article.title,
        ok: true,
      })
  })

  it('passes a seed body under a title that says what it is about', () => {
    expect(titleMatch('Benefits of peer support groups', seeds[0].text).score).toBe(1)
  })

  it('recognises a subject named by its acronym only', () => {
    const body =
      'DBT teaches skills. '.repeat(5) + 'Many people find the skills group useful. '.repeat(10)
    expect(titleMatch('Dialectical Behaviour Therapy', body).score).toBeGreaterThanOrEqual(
      MISMATCH_THRESHOLD,
    )
  })
})

describe('blocked phrases', () => {
  const expected: Record<string, string> = {
    '000': 'online therapy sessions',
    '001': 'depression treatment programs',
    '002': 'cbt therapy',
  }

  it('finds the phrase pasted into each seed with the starting list', () => {
    for (const seed of seeds) {
      const found = findBlockedPhrases(seed.text, defaultBlockedPhrases)
      expect(found.map((f) => f.text)).toEqual([expected[seed.name.slice(0, 3)]])
    }
  })

  it('finds nothing in the demo or sample articles', () => {
    for (const article of distinct)
      expect(
        findBlockedPhrases(`${article.title}\n${article.text}`, defaultBlockedPhrases),
      ).toEqual([])
  })

  it('matches whole phrases, in any case and spacing, with an optional plural', () => {
    const list = [{ phrase: 'Treatment Center' }]
    expect(findBlockedPhrases('Our TREATMENT  center is open', list)[0]).toMatchObject({
      phrase: 'treatment center',
      text: 'TREATMENT  center',
      count: 1,
    })
    expect(findBlockedPhrases('two treatment centers nearby', list)).toHaveLength(1)
    expect(findBlockedPhrases('retreatment centered care', list)).toEqual([])
  })

  it('reports the longer of two overlapping phrases once', () => {
    const list = [{ phrase: 'treatment center' }, { phrase: 'addiction treatment center' }]
    const found = findBlockedPhrases('Visit our addiction treatment center today', list)
    expect(found.map((f) => f.phrase)).toEqual(['addiction treatment center'])
  })
})

describe('topic suggestions', () => {
  it('suggests "peer support" first for each seed', () => {
    for (const seed of seeds) expect(suggestTopics(seed.text)[0].phrase).toBe('peer support')
  })

  it('suggests what a demo article is about', () => {
    const dbt = demoArticles.find((a) => a.topics.includes('dbt'))!
    const phrases = suggestTopics(plainText(dbt.blocks)).map((s) => s.phrase)
    expect(phrases).toEqual(expect.arrayContaining(['dbt', 'emotion regulation']))
  })
})
