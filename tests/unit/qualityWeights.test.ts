import { frequencies } from '../../src/cli/buildBackgroundFrequencies'
import { backgroundEn } from '../../src/quality/backgroundFrequencies.en'
import { backgroundEs } from '../../src/quality/backgroundFrequencies.es'
import {
  backgroundWeights,
  blendedWeights,
  LIBRARY_HALF_WEIGHT,
  libraryShare,
} from '../../src/quality/backgroundWeights'
import { stem } from '../../src/quality/text'
import { inverseDocumentFrequency, titleStems } from '../../src/quality/titleSubject'

describe('background document frequencies', () => {
  it('are what the generator builds from the texts it cites', () => {
    expect(backgroundEn).toEqual(frequencies('en'))
    expect(backgroundEs).toEqual(frequencies('es'))
    expect(backgroundEn.sources).toContain('tests/fixtures/seeds/*.txt (imported web copy)')
  })

  it('hold stems as the title check makes them', () => {
    for (const s of titleStems('Mental Health Rights In The Workplace')) expect(stem(s)).toBe(s)
    expect((backgroundEn.df as Record<string, number>)[stem('support')]).toBeGreaterThan(5)
    expect(backgroundEs.df['ansiedad']).toBeGreaterThan(0)
  })
})

describe('title word weights', () => {
  const empty = { articles: 0, documentsWith: new Map<string, number>() }

  it('differ between words in an empty library', () => {
    const weight = backgroundWeights('en')
    const [mental, health, right, workplace] = ['mental', 'health', 'rights', 'workplace'].map(
      (w) => weight(stem(w)),
    )
    expect(new Set([mental, health, right, workplace]).size).toBeGreaterThan(2)
    // Common in mental-health writing, so less specific than a word the corpus never uses.
    expect(health).toBeLessThan(workplace)
    expect(mental).toBeLessThan(workplace)
    expect(workplace).toBeCloseTo(inverseDocumentFrequency(0, backgroundEn.documents))
    expect(backgroundWeights('es')('ansiedad')).toBeLessThan(backgroundWeights('es')('jardín'))
  })

  it('are never all 1 in a library of fewer than 5 articles', () => {
    for (let articles = 0; articles < 5; articles++) {
      const documentsWith = new Map([['mental', articles]])
      const weight = blendedWeights('en', { articles, documentsWith })
      expect([weight('mental'), weight('workplac')]).not.toEqual([1, 1])
      expect(weight('mental')).toBeLessThan(weight('workplac'))
    }
  })

  it('shift from the shipped table to the library as it grows', () => {
    expect(libraryShare(0)).toBe(0)
    expect(libraryShare(LIBRARY_HALF_WEIGHT)).toBe(0.5)
    expect(libraryShare(500)).toBeGreaterThan(0.9)
    // A word the table calls specific but that every article of a large library uses.
    const word = stem('workplace')
    const background = blendedWeights('en', empty)(word)
    const inEvery = (articles: number) =>
      blendedWeights('en', { articles, documentsWith: new Map([[word, articles]]) })(word)
    expect(inEvery(5)).toBeLessThan(background)
    expect(inEvery(50)).toBeCloseTo(background / 2)
    expect(inEvery(5000)).toBeLessThan(0.05 * background)
  })
})
