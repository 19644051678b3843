import { createRateLimiter, type RateDecision, type RateLimiter } from '../graphql/guards/rateLimit'
import { JoinRequestError } from './errors'
import { ratePerGroup, ratePerIp } from './settings'

const HOUR = 60 * 60
const limiters = new Map<string, RateLimiter>()

// One limiter per configuration, so a changed limit takes effect (tests change it by env).
function limiter(name: string, points: number): RateLimiter {
  const key = `${name}:${points}`
  let found = limiters.get(key)
  if (!found) {
    found = createRateLimiter(points, HOUR, process.env.REDIS_URL, `haven-${name}`)
    limiters.set(key, found)
  }
  return found
}

function refuse(decision: RateDecision, message: string) {
  if (!decision.allowed)
    throw new JoinRequestError(
      'RATE_LIMITED',
      `${message} Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
      decision.retryAfterSeconds,
    )
}

/**
 * Budgets for join requests, each per hour and in Redis when REDIS_URL is set (shared by all
 * instances). Per client first (every attempt counts, valid or not); then per group, counting
 * distinct clients rather than requests, so one client, however persistent, takes at most one of
 * a group's places and cannot close its form to everyone else.
 */
export const joinRateLimits = {
  ip: async (ip: string) =>
    refuse(
      await limiter('join-ip', ratePerIp()).consume(ip),
      'Too many requests to join groups from this connection.',
    ),
  group: async (group: string, ip?: string | null) => {
    // Points per (client, group) are capped only by the per-client budget above; what matters is
    // whether this is the client's first request to the group in the window.
    const clients = limiter('join-client-group', Number.MAX_SAFE_INTEGER)
    const clientKey = `${group}|${ip}`
    if (ip) {
      const seen = await clients.consume(clientKey)
      if (seen.allowed && (seen.consumed ?? 1) > 1) return
    }
    const decision = await limiter('join-group', ratePerGroup()).consume(group)
    // A client the full group turned away is still new to it next time.
    if (!decision.allowed && ip) await clients.reward(clientKey)
    refuse(decision, 'This group has received many requests in the last hour.')
  },
}
