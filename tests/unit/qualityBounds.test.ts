import { suggestContentWarnings } from '../../src/checks/contentWarningCheck'
import { detectPersonalData } from '../../src/privacy'
import { defaultBlockedPhrases } from '../../src/quality/defaultBlockedPhrases'
import { findBlockedPhrases } from '../../src/quality/findBlockedPhrases'

/** Milliseconds one call takes, best of three (the machine is shared). */
function cost(run: () => unknown): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

describe('the text checks grow linearly with their input', () => {
  // A one-word title of 12,000 letters took 3.2 s; it grew with the square of the word's length.
  it('reads a one-word text 16× longer in far less than 16² the time', () => {
    const check = (text: string) => () => {
      findBlockedPhrases(text, defaultBlockedPhrases)
      suggestContentWarnings(text)
    }
    const short = cost(check('a'.repeat(12_000)))
    const long = cost(check('a'.repeat(192_000)))
    expect(long).toBeLessThan(Math.max(short, 1) * 40)
    expect(long).toBeLessThan(1_000)
  })

  it('still finds phrases in ordinary words after the cap on word length', () => {
    const found = findBlockedPhrases(`${'x'.repeat(5_000)} Online-Therapy sessions`, [
      { phrase: 'online therapy session' },
    ])
    expect(found.map((f) => f.text)).toEqual(['Online-Therapy sessions'])
    expect(suggestContentWarnings('Suicidal thoughts. Suicide prevention.')).toHaveLength(1)
  })
})

describe('the phone detector has a budget', () => {
  it('flags a text of hundreds of digit runs as a whole instead of reading each', () => {
    const text = '1 '.repeat(50_000)
    const found = detectPersonalData(text, { phoneRegions: ['GB', 'US', 'ES'] })
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'phone',
        message: expect.stringMatching(/^Too many numbers to check for phone numbers/),
      }),
    ])
    expect(cost(() => detectPersonalData(text, { phoneRegions: ['GB'] }))).toBeLessThan(500)
  })

  it('reads a text under the budget number by number', () => {
    const text = Array.from({ length: 20 }, (_, i) => `Call Sam on 07700 9001${10 + i}.`).join(' ')
    const phones = detectPersonalData(text, { phoneRegions: ['GB'] }).filter(
      (d) => d.kind === 'phone',
    )
    expect(phones).toHaveLength(20)
  })

  it('keeps only the outer of two nested detections, in text order', () => {
    const found = detectPersonalData(
      'Mail jo@example.org or see https://example.org/profile?email=jo@example.org today.',
    )
    expect(found.map((d) => d.kind)).toEqual(['email', 'url'])
  })
})
