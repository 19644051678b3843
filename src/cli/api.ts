/**
 * `npm run api`: the public GraphQL API on its own port (HAVEN_API_PORT, else PORT, else 4000),
 * without the admin, so it can be scaled out behind a load balancer; every instance shares the
 * one database. Caches stay correct across instances through Redis (REDIS_URL) when set and a
 * content-version check against the database every HAVEN_API_CACHE_CHECK_SECONDS (default 5).
 * HAVEN_WORKERS runs several processes on the one port (src/cluster.ts).
 */
import { runWorkers } from '../cluster'

const port = Number(process.env.HAVEN_API_PORT || process.env.PORT || 4000)
const hostname = process.env.HOST || '0.0.0.0'
const checkSeconds = Number(process.env.HAVEN_API_CACHE_CHECK_SECONDS ?? 5)

async function serve() {
  // Loaded here, not at the top: the cluster's primary only supervises and never needs Payload.
  const [{ getPayload }, { default: config }, { createGraphQLHandler }, { createApiHttpServer }] =
    await Promise.all([
      import('payload'),
      import('../../payload.config'),
      import('../graphql/http/handler'),
      import('../graphql/http/nodeServer'),
    ])
  const payload = await getPayload({ config })
  const handler = await createGraphQLHandler({
    payload,
    watchIntervalMs: Math.max(0, checkSeconds) * 1000,
  })
  const server = createApiHttpServer(payload, handler)
  server.keepAliveTimeout = 65_000
  server.listen(port, hostname, () => {
    process.stdout.write(`Haven API listening on http://${hostname}:${port}/graphql\n`)
    process.send?.({ type: 'listening', port })
  })

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`${signal} received: finishing in-flight requests, then stopping.\n`)
    setTimeout(() => process.exit(0), 10_000).unref()
    server.close(async () => {
      await handler.stop()
      await payload.destroy()
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

try {
  if (await runWorkers()) await serve()
} catch (error) {
  process.stderr.write(`Haven API cannot start: ${(error as Error).message}\n`)
  process.exit(1)
}
