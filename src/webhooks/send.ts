import http from 'node:http'
import https from 'node:https'

import { parseRetryAfter } from './retrySchedule'
import {
  assertLiteralHostAllowed,
  guardedLookup,
  parseWebhookUrl,
  WebhookUrlError,
} from './urlGuard'

/** How one attempt ended, and what the worker should do next. */
export type AttemptOutcome = {
  verdict: 'delivered' | 'retry' | 'gone' | 'failed'
  statusCode?: number
  durationMs: number
  response?: string
  error?: string
  retryAfterMs?: number
}

export type SendOptions = { timeoutMs?: number; maxResponseBytes?: number }

export const DEFAULT_TIMEOUT_MS = 15_000
const MAX_RESPONSE_BYTES = 64 * 1024
const MAX_REDIRECTS = 3

/** Per-attempt time limit: HAVEN_WEBHOOK_TIMEOUT_MS, default 15 s. */
export function attemptTimeoutMs(): number {
  const value = Number(process.env.HAVEN_WEBHOOK_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS
}

type Reply = { statusCode: number; headers: http.IncomingHttpHeaders; body: string }

// node:http rather than fetch: its `lookup` option lets the SSRF guard vet the very address the
// socket connects to, which the built-in fetch does not expose without an extra dependency.
function postOnce(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Reply> {
  assertLiteralHostAllowed(url)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup as never,
        // A fresh connection per attempt: a pooled keep-alive socket the receiver has just
        // closed fails with ECONNRESET and would cost a retry for nothing.
        agent: false,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        let settled = false
        const finish = () => {
          if (settled) return
          settled = true
          resolve({
            statusCode: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        }
        response.on('data', (chunk: Buffer) => {
          if (size >= maxBytes) return
          chunks.push(chunk.subarray(0, maxBytes - size))
          size += chunk.length
          // Enough read: stop downloading whatever else the receiver sends.
          if (size >= maxBytes) {
            finish()
            response.destroy()
          }
        })
        response.on('end', finish)
        response.on('error', reject)
        response.on('close', () => {
          if (!settled)
            reject(signal.reason ?? new Error('Connection closed before the response ended'))
        })
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

function classify(statusCode: number): AttemptOutcome['verdict'] {
  if (statusCode >= 200 && statusCode < 300) return 'delivered'
  if (statusCode === 410) return 'gone'
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) return 'retry'
  return 'failed'
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * Whether a redirect may take the endpoint's headers and signature along: only to the endpoint's
 * own origin, or to its https:// twin (the host upgrading its own scheme). Anywhere else is a
 * host the administrator never chose, so custom headers (build tokens) must not reach it.
 */
function sameReceiver(from: URL, to: URL): boolean {
  if (to.origin === from.origin) return true
  return (
    from.protocol === 'http:' &&
    to.protocol === 'https:' &&
    to.hostname === from.hostname &&
    from.port === '' &&
    to.port === ''
  )
}

/**
 * One delivery attempt: a POST bounded by a timeout, following at most three 307/308 redirects
 * (the only ones that keep the method and body) within the endpoint's origin, each re-checked by
 * the SSRF guard. A redirect to another origin is refused, not followed without the secrets:
 * an unsigned delivery is one the receiver must reject anyway (docs/webhooks-security.md).
 */
export async function sendAttempt(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions = {},
): Promise<AttemptOutcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const signal = AbortSignal.timeout(options.timeoutMs ?? attemptTimeoutMs())
  try {
    let url = parseWebhookUrl(target)
    for (let hop = 0; ; hop += 1) {
      const reply = await postOnce(
        url,
        headers,
        body,
        signal,
        options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
      )
      const location = reply.headers.location
      if (REDIRECTS.has(reply.statusCode) && location) {
        // The SSRF guard speaks first: its reason (a private address) is the more useful one.
        const next = parseWebhookUrl(new URL(location, url).toString())
        assertLiteralHostAllowed(next)
        if (!sameReceiver(url, next))
          return {
            verdict: 'failed',
            statusCode: reply.statusCode,
            durationMs: elapsed(),
            response: reply.body,
            error:
              `Redirect to another origin (${next.origin}) refused: the signature and custom ` +
              `headers go only to the endpoint's own origin. Change the endpoint's URL if the ` +
              `receiver has moved.`,
          }
        if ((reply.statusCode === 307 || reply.statusCode === 308) && hop < MAX_REDIRECTS) {
          url = next
          continue
        }
      }
      const verdict =
        reply.statusCode >= 300 && reply.statusCode < 400 ? 'failed' : classify(reply.statusCode)
      return {
        verdict,
        statusCode: reply.statusCode,
        durationMs: elapsed(),
        response: reply.body,
        retryAfterMs: parseRetryAfter(reply.headers['retry-after'] as string | undefined),
        error: verdict === 'failed' && reply.statusCode < 400 ? 'Redirect not followed' : undefined,
      }
    }
  } catch (error) {
    if (error instanceof WebhookUrlError) {
      return { verdict: 'failed', durationMs: elapsed(), error: error.message }
    }
    const timedOut = signal.aborted
    return {
      verdict: 'retry',
      durationMs: elapsed(),
      error: timedOut ? 'Timed out' : describeNetworkError(error),
    }
  }
}

function describeNetworkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  const message = error instanceof Error ? error.message : String(error)
  return code ? `${code}: ${message}` : message
}
