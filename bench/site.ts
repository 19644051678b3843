/**
 * `node --conditions=development --import tsx bench/site.ts`: a warm article page of the reader
 * site (site/) against a node:http server answering the same bytes with the same headers, the
 * ceiling for serving that page. Haven (its public API on a seeded SQLite file) and both servers
 * run in this process; each load runs in its own autocannon process (GET, BENCH_CONNECTIONS,
 * default 20, for BENCH_SECONDS, default 10).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = process.cwd()
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-bench-site-'))
Object.assign(process.env, {
  HAVEN_DATA_DIR: dataDir,
  PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
  HAVEN_DISABLE_JOBS: 'true',
  HAVEN_API_RATE_LIMIT: '0',
})
delete process.env.DATABASE_URL

const [{ getPayload }, { default: config }, { seed }, handlerModule, serverModule, siteModule] =
  await Promise.all([
    import('payload'),
    import('../payload.config'),
    import('../src/seed'),
    import('../src/graphql/http/handler'),
    import('../src/graphql/http/nodeServer'),
    import('../site/app'),
  ])

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

type Run = { errors: number; timeouts: number; non2xx: number; requests: { average: number } }
type Latency = { latency: { p50: number; p99: number } }

async function load(url: string, run: ['-d' | '-a', number]): Promise<Run & Latency> {
  const cli = path.join(root, 'node_modules/autocannon/autocannon.js')
  const args = [cli, '--json', '-c', String(connections), run[0], String(run[1]), url]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`autocannon exited with ${code} for ${url}`)
  return JSON.parse(out.trim().split('\n').pop()!)
}

async function measure(name: string, url: string) {
  await load(url, ['-a', connections * 10]) // warm-up, discarded
  const r = await load(url, ['-d', seconds])
  const failed = r.errors + r.timeouts + r.non2xx
  if (failed) throw new Error(`${name}: ${failed} failed requests`)
  process.stdout.write(
    `  ${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms\n`,
  )
  return r.requests.average
}

const payload = await getPayload({ config })
try {
  await seed(payload)
  const handler = await handlerModule.createGraphQLHandler({ payload })
  const apiServer = serverModule.createApiHttpServer(payload, handler)
  const apiUrl = await listen(apiServer)
  const site = siteModule.createSite({
    apiUrl: `${apiUrl}/graphql`,
    publicUrl: 'http://127.0.0.1',
    log: () => undefined,
  })
  const siteUrl = await listen(site.server)
  const slug = (await site.api.latestArticles('en', 1))[0].slug
  const pagePath = `/articles/${slug}`
  const warm = await fetch(`${siteUrl}${pagePath}`)
  const bytes = Buffer.from(await warm.arrayBuffer())
  const headers = Object.fromEntries(warm.headers)
  delete headers['date']
  delete headers['connection']
  delete headers['keep-alive']
  const staticServer = http.createServer((_req, res) => {
    res.writeHead(200, headers)
    res.end(bytes)
  })
  const staticUrl = await listen(staticServer)

  process.stdout.write(
    `Article page (${bytes.length} bytes), ${connections} connections, ${seconds} s each:\n`,
  )
  const siteRps = await measure('site, warm article page', `${siteUrl}${pagePath}`)
  const staticRps = await measure('node:http, same bytes', `${staticUrl}${pagePath}`)
  process.stdout.write(`  site / static: ${((siteRps / staticRps) * 100).toFixed(0)} %\n`)

  for (const server of [staticServer, site.server, apiServer]) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await handler.stop()
} finally {
  await payload.destroy()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
process.exit(0)
