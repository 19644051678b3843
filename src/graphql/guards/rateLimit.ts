import cluster from 'node:cluster'
import { Redis } from 'ioredis'
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'

export type RateDecision =
  | { allowed: true; /** points used in this window, this request included */ consumed?: number }
  | { allowed: false; retryAfterSeconds: number }
export type RateLimiter = {
  /** Synchronous when no budget applies, so the API's cache-hit path creates no promise. */
  consume(key: string): RateDecision | Promise<RateDecision>
  /** Gives one point back, e.g. for a login that turned out to be the account holder's. */
  reward(key: string): Promise<void>
  close(): Promise<void>
}

/**
 * Per-key (usually per-client) request budget: `points` requests per `windowSeconds`. In memory for one instance, in
 * Redis when REDIS_URL is set so instances behind a load balancer share one budget per IP; the
 * memory limiter stands in while Redis is unreachable. Under HAVEN_WORKERS > 1 without Redis the
 * count is kept in the cluster's primary (src/cluster.ts), so N workers still allow one budget.
 */
const ALLOWED: RateDecision = Object.freeze({ allowed: true })

/** How long the first requests after a start wait for Redis before counting in memory. */
const REDIS_CONNECT_WAIT_MS = 5_000

export function createRateLimiter(
  points: number,
  windowSeconds: number,
  redisUrl: string | undefined = process.env.REDIS_URL,
  keyPrefix = 'haven-graphql',
): RateLimiter {
  if (points <= 0)
    return {
      consume: () => ALLOWED,
      reward: async () => {},
      close: async () => {},
    }
  const options = { points, duration: windowSeconds, keyPrefix }
  const memory = new RateLimiterMemory(options)
  let redis: Redis | undefined
  let limiter: RateLimiterMemory | RateLimiterRedis | RateLimiterCluster = memory
  let connecting: Promise<void> | undefined
  if (!redisUrl && cluster.isWorker) {
    limiter = new RateLimiterCluster({ ...options, timeoutMs: 3_000 })
  } else if (redisUrl) {
    redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    redis.on('error', () => undefined)
    limiter = new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory })
    // Until the first connection is up every command fails and the in-memory stand-in counts
    // alone, per process: the first burst after a start got through once per process. So the
    // first requests wait for the connection (bounded); only a later outage falls back.
    const client = redis
    connecting = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, REDIS_CONNECT_WAIT_MS)
      timer.unref()
      client.once('ready', () => {
        clearTimeout(timer)
        resolve()
      })
    }).then(() => {
      connecting = undefined
    })
  }
  const consumeNow = async (key: string): Promise<RateDecision> => {
    try {
      const result = await limiter.consume(key)
      return { allowed: true, consumed: result.consumedPoints }
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
  }
  return {
    consume(key) {
      return connecting ? connecting.then(() => consumeNow(key)) : consumeNow(key)
    },
    async reward(key) {
      await limiter.reward(key).catch(() => undefined)
    },
    async close() {
      await redis?.quit().catch(() => undefined)
    },
  }
}
