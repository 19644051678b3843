import cluster from 'node:cluster'
import { Redis } from 'ioredis'
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }
export type RateLimiter = { consume(ip: string): Promise<RateDecision>; close(): Promise<void> }

/**
 * Per-IP request budget: `points` requests per `windowSeconds`. In memory for one instance, in
 * Redis when REDIS_URL is set so instances behind a load balancer share one budget per IP; the
 * memory limiter stands in while Redis is unreachable. Under HAVEN_WORKERS > 1 without Redis the
 * count is kept in the cluster's primary (src/cluster.ts), so N workers still allow one budget.
 */
export function createRateLimiter(
  points: number,
  windowSeconds: number,
  redisUrl: string | undefined = process.env.REDIS_URL,
): RateLimiter {
  if (points <= 0) return { consume: async () => ({ allowed: true }), close: async () => {} }
  const options = { points, duration: windowSeconds, keyPrefix: 'haven-graphql' }
  const memory = new RateLimiterMemory(options)
  let redis: Redis | undefined
  let limiter: RateLimiterMemory | RateLimiterRedis | RateLimiterCluster = memory
  if (!redisUrl && cluster.isWorker) {
    limiter = new RateLimiterCluster({ ...options, timeoutMs: 3_000 })
  } else if (redisUrl) {
    redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    redis.on('error', () => undefined)
    limiter = new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory })
  }
  return {
    async consume(ip) {
      try {
        await limiter.consume(ip)
        return { allowed: true }
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          }
        }
        // The store failed (not a verdict): serve rather than lock everyone out.
        return { allowed: true }
      }
    },
    async close() {
      await redis?.quit().catch(() => undefined)
    },
  }
}
