import { createRateLimiter, type RateLimiter } from '../graphql/guards/rateLimit'
import { JoinRequestError } from './errors'
import { ratePerGroup, ratePerIp } from './settings'

const HOUR = 60 * 60
const limiters = new Map<string, RateLimiter>()

// One limiter per configuration, so a changed limit takes effect (tests change it by env).
function limiter(points: number): RateLimiter {
  const key = String(points)
  let found = limiters.get(key)
  if (!found) {
    found = createRateLimiter(points, HOUR)
    limiters.set(key, found)
  }
  return found
}

async function take(key: string, points: number, message: string) {
  const decision = await limiter(points).consume(key)
  if (!decision.allowed)
    throw new JoinRequestError(
      'RATE_LIMITED',
      `${message} Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
      decision.retryAfterSeconds,
    )
}

/**
 * Budgets for join requests: per client IP (every attempt counts, valid or not) and per group
 * (accepted requests), each per hour. In Redis when REDIS_URL is set, shared by all instances.
 */
export const joinRateLimits = {
  ip: (ip: string) =>
    take(`join-ip:${ip}`, ratePerIp(), 'Too many requests to join groups from this connection.'),
  group: (group: string) =>
    take(
      `join-group:${group}`,
      ratePerGroup(),
      'This group has received many requests in the last hour.',
    ),
}
