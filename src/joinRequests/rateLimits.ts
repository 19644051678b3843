import { createRateLimiter, type RateDecision, type RateLimiter } from '../graphql/guards/rateLimit'
import { JoinRequestError } from './errors'
import { heldPerGroup, ratePerGroup, ratePerIp } from './settings'

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

/** How a request within its budgets is to be handled. */
export type GroupAdmission = {
  /** Past the group's usual budget: store it for review, without the usual email. */
  held: boolean
}

const USUAL: GroupAdmission = { held: false }

/**
 * Budgets for join requests, each per hour and in Redis when REDIS_URL is set (shared by all
 * instances), counted per client network (a /64 for IPv6; settings.ts), not per address. Per
 * network first (every attempt counts, valid or not); then per group, counting distinct networks
 * rather than requests, so one client, however persistent, takes at most one of a group's places.
 * A group whose places are taken is not closed: further requests are held for its coordinators
 * to review, so a flood from many addresses cannot turn away the real person who comes after it.
 * Only past a second, larger budget of held requests is anyone refused, which bounds storage.
 */
export const joinRateLimits = {
  network: async (network: string) =>
    refuse(
      await limiter('join-ip', ratePerIp()).consume(network),
      'Too many requests to join groups from this connection.',
    ),
  group: async (group: string, network?: string | null): Promise<GroupAdmission> => {
    // Points per (network, group) are capped only by the per-network budget above; what matters
    // is whether this is the network's first request to the group in the window.
    const clients = limiter('join-client-group', Number.MAX_SAFE_INTEGER)
    const clientKey = `${group}|${network}`
    if (network) {
      const seen = await clients.consume(clientKey)
      if (seen.allowed && (seen.consumed ?? 1) > 1) return USUAL
    }
    const decision = await limiter('join-group', ratePerGroup()).consume(group)
    if (decision.allowed) return USUAL
    // A network the full group held is weighed again next time, so it is never waved through.
    if (network) await clients.reward(clientKey)
    refuse(
      await limiter('join-held', heldPerGroup()).consume(group),
      'This group has received many requests in the last hour.',
    )
    return { held: true }
  },
  /** True once per group and window: for the one email that says requests are being held. */
  firstHeld: async (group: string) => (await limiter('join-held-notice', 1).consume(group)).allowed,
}
