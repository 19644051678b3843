import {
  parseRetryAfter,
  retryDelayMs,
  RETRY_SCHEDULE_SECONDS,
} from '../../src/webhooks/retrySchedule'

const noJitter = () => 0.5

describe('retry schedule', () => {
  it('follows the Standard Webhooks steps and stops after about three days', () => {
    const delays = RETRY_SCHEDULE_SECONDS.map((_, i) =>
      retryDelayMs(i + 1, { random: noJitter, scale: 1 }),
    )
    expect(delays.slice(0, 7)).toEqual([5e3, 300e3, 1800e3, 7200e3, 18000e3, 36000e3, 36000e3])
    const totalHours = delays.reduce((sum, d) => sum! + d!, 0)! / 3_600_000
    expect(totalHours).toBeGreaterThan(60)
    expect(totalHours).toBeLessThan(84)
    expect(retryDelayMs(RETRY_SCHEDULE_SECONDS.length + 1, { scale: 1 })).toBeNull()
  })

  it('jitters each step by at most 20 %', () => {
    expect(retryDelayMs(2, { random: () => 0, scale: 1 })).toBe(240e3)
    expect(retryDelayMs(2, { random: () => 0.999999, scale: 1 })).toBeCloseTo(360e3, -1)
  })

  it('waits at least as long as Retry-After asks, capped at a day', () => {
    expect(retryDelayMs(1, { retryAfterMs: 120e3, random: noJitter, scale: 1 })).toBe(120e3)
    expect(retryDelayMs(1, { retryAfterMs: 1e3, random: noJitter, scale: 1 })).toBe(5e3)
    expect(retryDelayMs(1, { retryAfterMs: 9e9, random: noJitter, scale: 1 })).toBe(86_400e3)
  })

  it('scales every wait for tests', () => {
    expect(retryDelayMs(2, { random: noJitter, scale: 0.001 })).toBe(300)
  })

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120e3)
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:00 GMT', now)).toBe(60e3)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})
