import { HeaderMap } from '@apollo/server'
import type { Payload } from 'payload'

import { bridgeInvalidationsOverCluster } from '../cache/clusterBridge'
import { bridgeInvalidationsOverRedis } from '../cache/redisBridge'
import { watchContent } from '../cache/contentWatch'
import {
  cacheVersion,
  changeOpen,
  getCached,
  responseCacheEnabled,
  setCached,
  type CachedResponse,
} from '../cache/responseCache'
import { createContext } from '../context'
import { apiLimits, type ApiLimits } from '../guards/limits'
import { createRateLimiter, type RateDecision } from '../guards/rateLimit'
import { requestShapeProblem } from '../guards/requestShape'
import { createApolloServer } from '../server'

/** A transport-neutral HTTP request: the Next route and the standalone server both build one. */
export type ApiRequest = {
  method: string
  /** The query string including its leading "?", or "". */
  search: string
  /** Lower-case header names. */
  headers: Map<string, string>
  /** The raw body, already size-checked by the transport (see readBody.ts). */
  body: string | null
  ip: string
}

export type ApiResponse = CachedResponse

export type GraphQLHandler = {
  /** A plain value when answered without I/O (cache hit, refusals); callers may `await` it. */
  handle(request: ApiRequest): ApiResponse | Promise<ApiResponse>
  limits: ApiLimits
  stop(): Promise<void>
}

export const CORS_HEADERS: Record<string, string> = {
  // Public, read-only and cookie-free: any site may call it.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, haven-preview-token, apollo-require-preflight',
  'access-control-max-age': '86400',
}

/** A JSON GraphQL error response outside of GraphQL execution (rate limit, size, method). */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  }
}

export const tooLarge = (limit: number) =>
  errorResponse(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the ${limit}-byte limit.`)

type HandlerOptions = {
  payload: Payload
  limits?: Partial<ApiLimits>
  /** Poll the database for content changes made elsewhere (ms); 0 turns it off. */
  watchIntervalMs?: number
  redisUrl?: string
}

const PUBLIC_MAX_AGE = /(?:^|,\s*)max-age=(\d+), public$/

/** Seconds a 200 answer may be shared for, or null when it is private or not cacheable. */
function publicMaxAge(response: ApiResponse): number | null {
  const match =
    response.status === 200 ? response.headers['cache-control']?.match(PUBLIC_MAX_AGE) : null
  return match ? Number(match[1]) : null
}
const isPublic = (response: ApiResponse) => publicMaxAge(response) !== null

/**
 * The public API over HTTP: CORS, per-IP rate limit, response cache, then Apollo. Shared by
 * src/app/graphql/route.ts and src/cli/api.ts so both behave identically.
 */
export async function createGraphQLHandler(options: HandlerOptions): Promise<GraphQLHandler> {
  const { payload } = options
  const limits = apiLimits(options.limits)
  const server = createApolloServer(limits)
  await server.start()
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL
  const limiter = createRateLimiter(limits.rateLimit, limits.rateWindowSeconds, redisUrl)
  const stops: Array<() => unknown> = []
  const inflight = new Map<string, Promise<ApiResponse>>()
  const watchMs = options.watchIntervalMs ?? 0
  if (watchMs > 0) stops.push(watchContent(payload, watchMs))
  if (redisUrl) stops.push(bridgeInvalidationsOverRedis(redisUrl))
  stops.push(bridgeInvalidationsOverCluster())

  // Synchronous up to the cache lookup: a hit is answered without creating a promise, which
  // matters in the Next process, where async_hooks are on and every promise costs extra.
  function handle(request: ApiRequest): ApiResponse | Promise<ApiResponse> {
    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') return { status: 204, headers: { ...CORS_HEADERS }, body: '' }
    if (method !== 'GET' && method !== 'POST') {
      return errorResponse(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.', {
        allow: 'GET, POST, OPTIONS',
      })
    }
    const decision = limiter.consume(request.ip)
    return decision instanceof Promise
      ? decision.then((settled) => admitted(request, method, settled))
      : admitted(request, method, decision)
  }

  function admitted(
    request: ApiRequest,
    method: string,
    decision: RateDecision,
  ): ApiResponse | Promise<ApiResponse> {
    if (!decision.allowed) {
      return errorResponse(
        429,
        'RATE_LIMITED',
        `Too many requests: the limit is ${limits.rateLimit} per ${limits.rateWindowSeconds} ` +
          `seconds per client. Retry after ${decision.retryAfterSeconds} s.`,
        { 'retry-after': String(decision.retryAfterSeconds) },
      )
    }

    let parsed: unknown
    if (method === 'POST') {
      if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
        return errorResponse(
          415,
          'BAD_REQUEST',
          'POST bodies must be JSON (content-type: application/json).',
        )
      }
      try {
        parsed = JSON.parse(request.body ?? '')
      } catch (error) {
        return errorResponse(
          400,
          'BAD_REQUEST',
          `Request body is not valid JSON: ${(error as Error).message}`,
        )
      }
    }

    const cacheable = responseCacheEnabled() && !request.headers.has('haven-preview-token')
    if (!cacheable) return execute(request, method, parsed, null)
    const key = `${method}\n${request.search}\n${method === 'POST' ? request.body : ''}`
    const hit = getCached(key)
    if (hit) return { ...hit, headers: { ...hit.headers, 'x-haven-cache': 'HIT' } }
    return singleFlight(request, method, parsed, key)
  }

  async function singleFlight(
    request: ApiRequest,
    method: string,
    parsed: unknown,
    key: string,
  ): Promise<ApiResponse> {
    // Single flight: identical requests that miss together wait for the first one instead of
    // each running the same queries (a publish empties the cache while every client asks). The
    // flight is keyed by cache version, so a request arriving after an invalidation never joins
    // one that started before it. A follower takes the leader's answer only if it was public
    // (cacheable); anything else — a mutation, an error — each request runs for itself.
    // While a change is open a leader may have read the rows from before its commit, and a
    // follower may arrive after it: each request reads for itself until the change ends.
    if (changeOpen()) return execute(request, method, parsed, key)
    const flightKey = `${cacheVersion()}\n${key}`
    const leader = inflight.get(flightKey)
    if (leader) {
      const shared = await leader.catch(() => null)
      if (shared && isPublic(shared)) {
        return { ...shared, headers: { ...shared.headers, 'x-haven-cache': 'COALESCED' } }
      }
      return execute(request, method, parsed, key)
    }
    const flight = execute(request, method, parsed, key)
    inflight.set(flightKey, flight)
    try {
      return await flight
    } finally {
      inflight.delete(flightKey)
    }
  }

  async function execute(
    request: ApiRequest,
    method: string,
    parsed: unknown,
    cacheKey: string | null,
  ): Promise<ApiResponse> {
    // Here rather than before the cache: a refused request is never cached, so a hit needs no check.
    const problem = requestShapeProblem(method, request.search, parsed, limits.maxDepth)
    if (problem) return errorResponse(400, problem.code, problem.message)
    const startedAt = cacheVersion()
    const headers = new HeaderMap()
    for (const [name, value] of request.headers) headers.set(name, value)
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: request.search, body: parsed },
      context: () => createContext({ payload, headers, ip: request.ip }),
    })
    let body: string
    if (result.body.kind === 'complete') {
      body = result.body.string
    } else {
      body = ''
      for await (const chunk of result.body.asyncIterator) body += chunk
    }
    const response: ApiResponse = {
      status: result.status ?? 200,
      headers: { ...Object.fromEntries(result.headers), ...CORS_HEADERS },
      body,
    }
    const maxAge = publicMaxAge(response)
    if (cacheKey !== null && maxAge !== null) setCached(cacheKey, response, startedAt, maxAge)
    return { ...response, headers: { ...response.headers, 'x-haven-cache': 'MISS' } }
  }

  return {
    handle,
    limits,
    async stop() {
      for (const stop of stops) await stop()
      await limiter.close()
      await server.stop()
    },
  }
}
