import { EventEmitter } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the receiver saw it. */
export type ReceivedRequest = {
  method: string
  path: string
  headers: Record<string, string>
  body: string
  /** Milliseconds since the receiver started (monotonic). */
  at: number
  /** The status the receiver answered with; undefined while hanging. */
  answeredWith?: number
}

/**
 * What to answer: a status, a status with headers/body (after `delayMs`, for a slow receiver),
 * or 'hang' (never answer).
 */
export type Answer =
  | number
  | 'hang'
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }

export type Receiver = {
  url: (path?: string) => string
  requests: ReceivedRequest[]
  /** Requests to one path (default: all). */
  to: (path: string) => ReceivedRequest[]
  /** Queue answers for a path; once used up the path answers 200. */
  script: (path: string, ...answers: Answer[]) => void
  /** Resolves once `count` requests reached `path` (or any path when null). */
  waitFor: (count: number, path?: string | null, timeoutMs?: number) => Promise<ReceivedRequest[]>
  close: () => Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that records every request and answers as scripted:
 * 500, 429 with Retry-After, 410, 200 — or hangs, holding the connection open until closed.
 */
export async function startReceiver(): Promise<Receiver> {
  const started = performance.now()
  const requests: ReceivedRequest[] = []
  const scripts = new Map<string, Answer[]>()
  const events = new EventEmitter()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]
      const record: ReceivedRequest = {
        method: req.method ?? '',
        path,
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(', ') : (v ?? ''),
          ]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now() - started,
      }
      requests.push(record)
      const answer = scripts.get(path)?.shift() ?? 200
      if (answer !== 'hang') {
        const { status, headers, body, delayMs } =
          typeof answer === 'number'
            ? { status: answer, headers: {}, body: `answer ${answer}`, delayMs: 0 }
            : answer
        const send = () => {
          record.answeredWith = status
          res.writeHead(status, { 'content-type': 'text/plain', ...headers })
          res.end(body ?? '')
        }
        if (delayMs) setTimeout(send, delayMs)
        else send()
      }
      events.emit('request')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const to = (path: string) => requests.filter((r) => r.path === path)

  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    requests,
    to,
    script: (path, ...answers) => scripts.set(path, [...(scripts.get(path) ?? []), ...answers]),
    waitFor(count, path = null, timeoutMs = 30_000) {
      const matching = () => (path === null ? requests : to(path))
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matching().length < count) return
          cleanup()
          resolve(matching())
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(
            new Error(
              `Receiver got ${matching().length} of ${count} requests${path ? ` to ${path}` : ''}.`,
            ),
          )
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          events.off('request', check)
        }
        events.on('request', check)
        check()
      })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
