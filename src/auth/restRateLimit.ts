import { clientIpFromHeaders } from '../lib/clientIp'
import { minutes, namedLimiter, tooManyRequests } from './limiters'
import { restReadsPerWindow, restWindowSeconds, restWritesPerWindow } from './settings'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Wraps one of Payload's REST (or its GraphQL) route handlers in a per-client budget: reads and
 * writes counted apart, so browsing the admin never eats the budget for saving. Over budget the
 * answer is a 429 with Retry-After and a message saying which budget and when to retry.
 */
export function withRestRateLimit<Args extends unknown[]>(
  handler: (request: Request, ...rest: Args) => Promise<Response>,
  kind: 'by-method' | 'write' = 'by-method',
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    const read = kind === 'by-method' && READS.has(request.method.toUpperCase())
    const points = read ? restReadsPerWindow() : restWritesPerWindow()
    const window = restWindowSeconds()
    const decision = await namedLimiter(read ? 'rest-read' : 'rest-write', points, window).consume(
      clientIpFromHeaders(request.headers),
    )
    if (!decision.allowed)
      return tooManyRequests(
        `Too many ${read ? 'read' : 'write'} requests from this connection: the limit is ` +
          `${points} per ${window} seconds. Try again in ${minutes(decision.retryAfterSeconds)}.`,
        decision.retryAfterSeconds,
      )
    return handler(request, ...rest)
  }
}
