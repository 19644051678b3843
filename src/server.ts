/**
 * The production HTTP server: Next (admin UI, Payload REST at /api, the public GraphQL API at
 * /graphql) on one port. On SIGTERM/SIGINT it stops accepting connections, lets in-flight
 * requests finish (up to HAVEN_SHUTDOWN_GRACE_MS), then exits; background workers register their
 * own shutdown through process 'beforeExit'-style hooks in the Payload process (see webhooks).
 * Run it through `npm start`, which prepares the database and the build first.
 */
import http from 'node:http'
import next from 'next'

import { refuseUnknownMethod } from './http/refuseUnknownMethod'

const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'
const graceMs = Number(process.env.HAVEN_SHUTDOWN_GRACE_MS || 10_000)

const app = next({ dev: false, dir: process.cwd(), port, hostname })
await app.prepare()
const handle = app.getRequestHandler()

const server = http.createServer((req, res) => {
  if (!refuseUnknownMethod(req, res)) void handle(req, res)
})
server.listen(port, hostname, () => {
  process.send?.({ type: 'listening', port })
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  process.stdout.write(`${signal} received: finishing in-flight requests, then stopping.\n`)
  const timer = setTimeout(() => process.exit(0), graceMs)
  timer.unref()
  server.close(async () => {
    // Lets Payload-side workers (webhook delivery) finish their current attempt.
    const hooks =
      (globalThis as { __havenShutdownHooks?: Array<() => Promise<void>> }).__havenShutdownHooks ??
      []
    await Promise.allSettled(hooks.map((hook) => hook()))
    process.exit(0)
  })
  server.closeIdleConnections()
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
