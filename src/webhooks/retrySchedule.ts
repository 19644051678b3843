/**
 * Retry delays after each failed attempt, following the Standard Webhooks recommendation
 * (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h…), extended with 10-hour steps so the last attempt
 * lands about three days after the first (13 attempts, 77.6 hours).
 */
export const RETRY_SCHEDULE_SECONDS = [
  5, 300, 1800, 7200, 18000, 36000, 36000, 36000, 36000, 36000, 36000, 36000,
]

// Never wait longer than a day, whatever a receiver's Retry-After asks for.
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * Multiplies every wait (schedule, Retry-After, lease). 1 in production; tests and benchmarks set
 * HAVEN_WEBHOOK_SCHEDULE_SCALE=0.001 so a 5-minute step takes 300 ms instead of a real sleep.
 */
export function scheduleScale(): number {
  const value = Number(process.env.HAVEN_WEBHOOK_SCHEDULE_SCALE ?? '1')
  return Number.isFinite(value) && value > 0 ? value : 1
}

type RetryOptions = { retryAfterMs?: number; random?: () => number; scale?: number }

/**
 * How long to wait before the next attempt, given how many attempts have failed so far; null
 * when the schedule is exhausted. ±20 % jitter keeps endpoints that failed together from being
 * retried in lock-step; a Retry-After longer than the step wins.
 */
export function retryDelayMs(failedAttempts: number, options: RetryOptions = {}): number | null {
  const step = RETRY_SCHEDULE_SECONDS[failedAttempts - 1]
  if (step === undefined) return null
  const { random = Math.random, scale = scheduleScale() } = options
  const jittered = step * 1000 * (0.8 + 0.4 * random())
  const retryAfter = Math.min(options.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)
  return Math.round(Math.max(jittered, retryAfter) * scale)
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()) {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
