import crypto from 'node:crypto'
import { createRateLimiter, type RateDecision, type RateLimiter } from '../graphql/guards/rateLimit'

const limiters = new Map<string, RateLimiter>()

/**
 * A named per-key budget, in memory or in Redis when REDIS_URL is set (like the public API's).
 * One limiter per configuration, so a changed setting takes effect without a restart of tests.
 */
export function namedLimiter(name: string, points: number, windowSeconds: number): RateLimiter {
  const key = `${name}:${points}:${windowSeconds}`
  let found = limiters.get(key)
  if (!found) {
    found = createRateLimiter(points, windowSeconds, process.env.REDIS_URL, `haven-${name}`)
    limiters.set(key, found)
  }
  return found
}

/** The decision that waits longest, or allowed when every one allows. */
export function strictest(decisions: RateDecision[]): RateDecision {
  let refusal: RateDecision = { allowed: true }
  for (const decision of decisions) {
    if (decision.allowed) continue
    if (refusal.allowed || decision.retryAfterSeconds > refusal.retryAfterSeconds)
      refusal = decision
  }
  return refusal
}

/** A 429 with Retry-After and a JSON message in Payload's error shape. */
export function tooManyRequests(message: string, retryAfterSeconds: number): Response {
  return Response.json(
    { errors: [{ message }] },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  )
}

export const minutes = (seconds: number) => {
  const m = Math.ceil(seconds / 60)
  return m === 1 ? '1 minute' : `${m} minutes`
}

/**
 * An email as a limiter key: hashed, so the Redis keys (and memory) of the sign-in and reset
 * limits hold no staff addresses, nor the addresses people tried.
 */
export const emailKey = (email: string) =>
  crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex')
