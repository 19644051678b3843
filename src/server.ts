/**
 * The production HTTP server: Next (admin UI, Payload REST at /api) and the public API (/graphql,
 * /feeds/meeting-guide.json) on one port. On SIGTERM/SIGINT it stops accepting connections, lets
 * in-flight requests finish (up to HAVEN_SHUTDOWN_GRACE_MS), then exits. With HAVEN_WORKERS > 1
 * it runs that many copies on the one port (src/cluster.ts). Run it through `npm start`, which
 * prepares the database and the build first.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import next from 'next'

import { runWorkers } from './cluster'
import { stampForwardedFor, trustedProxyHops } from './lib/clientIp'
import { refuseUndecodablePath } from './http/refuseUndecodablePath'
import { refuseUnknownMethod } from './http/refuseUnknownMethod'

const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'
const graceMs = Number(process.env.HAVEN_SHUTDOWN_GRACE_MS || 10_000)

// True when it took the request (it answers it itself); see src/graphql/http/nodeServer.ts.
type NodeApiHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean
// Set by the public API's route module inside the Next bundle (src/graphql/http/nextRoute.ts)
// once it has built its handler. Until then Next's own routes answer these paths.
const NODE_KEY = Symbol.for('haven.api.nodeHandler')
const STOP_KEY = Symbol.for('haven.api.stop')
const fromBundle = globalThis as { [NODE_KEY]?: NodeApiHandler; [STOP_KEY]?: () => Promise<void> }

// Fails fast on a malformed HAVEN_TRUST_PROXY rather than on the first request.
trustedProxyHops()

if (await runWorkers()) {
  const app = next({ dev: false, dir: process.cwd(), port, hostname })
  await app.prepare()
  const handle = app.getRequestHandler()

  const server = http.createServer((req, res) => {
    // The public API reads the client address from the socket and trusted hops itself. Until
    // the bundle has published its handler, Next's own routes answer its paths.
    if (fromBundle[NODE_KEY]?.(req, res)) return
    if (refuseUnknownMethod(req, res)) return
    if (refuseUndecodablePath(req, res)) return
    // Rate limits and audit read the client from X-Forwarded-For; only trusted hops may write it.
    stampForwardedFor(req)
    void handle(req, res)
  })
  server.keepAliveTimeout = 65_000

  // One request through Next's /graphql route, on a private loopback socket of this process (a
  // request to the shared port could land on another worker), starts Payload here — and with it
  // the background jobs on the worker that runs them — and publishes the API handler above.
  const warm = http.createServer((req, res) => {
    stampForwardedFor(req)
    void handle(req, res)
  })
  await new Promise<void>((resolve) =>
    warm.listen({ port: 0, host: '127.0.0.1', exclusive: true }, resolve),
  )
  const { port: warmPort } = warm.address() as AddressInfo
  await fetch(`http://127.0.0.1:${warmPort}/graphql`, { method: 'OPTIONS' }).catch(() => undefined)
  warm.close()

  server.listen(port, hostname, () => process.send?.({ type: 'listening', port }))

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`${signal} received: finishing in-flight requests, then stopping.\n`)
    const timer = setTimeout(() => process.exit(0), graceMs)
    timer.unref()
    server.close(async () => {
      await fromBundle[STOP_KEY]?.().catch(() => undefined)
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}
