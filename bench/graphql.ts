/**
 * `npm run bench:graphql`: seeds a realistic dataset once, then loads, one after the other and
 * the same way (autocannon, 50 connections, POST), the hot query on:
 *   (a) Haven's API (src/cli/api.ts) warm, with the response cache on,
 *   (a') the same with the response cache off (every request executes against the database),
 *   (b) Payload's own GraphQL handler for the same logical query,
 *   (c) a node:http server returning the bytes of (a)'s response: the ceiling,
 *   (d) `npm start`'s server (src/server.ts: Next + the API on one port), /graphql warm,
 *   (e) Haven's API with HAVEN_WORKERS = every core, response cache off.
 * Every row but (e) runs one process (HAVEN_WORKERS=1). (d) needs a production build of the app
 * (`.next`); one is made first when missing. Prints req/s, p50, p99 and the ratios. Exits non-zero when any of Haven's runs saw errors,
 * timeouts or non-2xx.
 *
 * Env: HAVEN_BENCH_DIR (data directory, reused between runs; default a temp dir),
 * BENCH_SECONDS (per run, default 10), BENCH_CONNECTIONS (default 50), DATABASE_URL (seed and
 * serve from that PostgreSQL database instead of the SQLite file; use an empty database).
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { buildIsStale } from '../src/cli/buildFreshness'

const root = process.cwd()
const dir = path.resolve(
  process.env.HAVEN_BENCH_DIR ?? path.join(os.tmpdir(), 'haven-bench-graphql'),
)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const tsx = ['--conditions=development', '--import', 'tsx']

fs.mkdirSync(dir, { recursive: true })
const secretFile = path.join(dir, '.bench-secret')
if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('hex'))
const baseEnv = {
  ...process.env,
  HAVEN_DATA_DIR: dir,
  PAYLOAD_SECRET: fs.readFileSync(secretFile, 'utf8'),
  HAVEN_DISABLE_JOBS: 'true',
}

const HAVEN_QUERY = `{ articles(first: 10) { nodes { title slug publishedAt topics { name slug } author { displayName } } } }`
// Payload's generated schema for the same data: ten newest published articles with topics and
// author (anonymous callers get author null there: users are not publicly readable).
const PAYLOAD_QUERY = `{ Articles(limit: 10, sort: "-publishedAt") { docs { title slug publishedAt topics { name slug } author { displayName } } } }`

function fail(message: string): never {
  process.stderr.write(`\nbench:graphql failed: ${message}\n`)
  process.exit(1)
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function seedOnce() {
  process.stdout.write(`Preparing ${dir} (1,000 articles, 50 topics, 300 groups)…\n`)
  const result = spawnSync(process.execPath, [...tsx, path.join(root, 'bench/graphqlSeed.ts')], {
    env: { ...baseEnv, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 30 * 60_000,
  })
  process.stdout.write(result.stdout ?? '')
  if (result.status !== 0 || !result.stdout?.includes('BENCH_SEED_OK')) {
    fail(`seeding exited with ${result.status ?? result.signal}`)
  }
}

// Production mode wants real keys; reuse the one the seed generated in the data directory.
function productionEnv(): Record<string, string> {
  const keys = path.join(dir, '.encryption-keys')
  return fs.existsSync(keys)
    ? { NODE_ENV: 'production', HAVEN_ENCRYPTION_KEYS: fs.readFileSync(keys, 'utf8').trim() }
    : { NODE_ENV: 'production' }
}

async function start(
  script: string,
  env: Record<string, string>,
  execArgv = tsx,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = fork(path.join(root, script), [], {
    execArgv,
    env: {
      ...baseEnv,
      ...productionEnv(),
      HAVEN_WORKERS: '1',
      HAVEN_API_PORT: String(port),
      PORT: String(port),
      BENCH_PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 120 s`)), 120_000)
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'listening') {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  return { child, url: `http://127.0.0.1:${port}` }
}

async function stop(child: ChildProcess) {
  child.removeAllListeners('exit')
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

async function post(url: string, query: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  const text = await res.text()
  if (res.status !== 200) fail(`${url} answered ${res.status}: ${text.slice(0, 300)}`)
  return text
}

type Result = { name: string; rps: number; p50: number; p99: number }
const problems: string[] = []

// Each load runs in its own autocannon process, and the warm-up is a fixed number of requests
// rather than a duration. A duration run ends by destroying its connections with requests in
// flight; against a saturated server the next run's fresh connections then waited: about 30 of
// 50 first requests came back one every ~300 ms, up to 10 s (p99 5.5 s on the cache-off row).
// A warm-up that ends after its last answer leaves no such tail (p99 0.43 s on the same server).
async function autocannonRun(url: string, query: string, run: ['-d' | '-a', number]) {
  const cli = path.join(root, 'node_modules/autocannon/autocannon.js')
  const args = [cli, '--json', '-c', String(connections), run[0], String(run[1]), '-m', 'POST']
  args.push('-H', 'content-type=application/json', '-b', JSON.stringify({ query }), url)
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) fail(`autocannon exited with ${code} for ${url}`)
  return JSON.parse(out.trim().split('\n').pop()!) as {
    errors: number
    timeouts: number
    non2xx: number
    requests: { average: number }
    latency: { p50: number; p99: number }
  }
}

async function load(name: string, url: string, query: string, baseline = false): Promise<Result> {
  await autocannonRun(url, query, ['-a', connections * 10]) // warm-up, discarded
  const r = await autocannonRun(url, query, ['-d', seconds])
  // Failed requests are reported; on Haven's rows they make the run exit non-zero. Payload's
  // own handler (the baseline) times some out at 50 connections: that is its result, not a
  // fault of the bench, so it is printed but does not fail the run.
  const failed = r.errors + r.timeouts + r.non2xx
  if (failed) {
    const line = `${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`
    if (baseline) process.stdout.write(`  (baseline) ${line}\n`)
    else problems.push(line)
  }
  const result = { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 }
  process.stdout.write(
    `  ${name.padEnd(34)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms\n`,
  )
  return result
}

seedOnce()
const results: Record<string, Result> = {}
const apiEnv = { HAVEN_API_RATE_LIMIT: '0', HAVEN_API_CACHE_CHECK_SECONDS: '5' }
process.stdout.write(
  `Loading each server for ${seconds} s with ${connections} connections (autocannon)…\n`,
)

let server = await start('src/cli/api.ts', apiEnv)
const havenBody = await post(`${server.url}/graphql`, HAVEN_QUERY)
const havenNodes = JSON.parse(havenBody).data?.articles?.nodes
if (havenNodes?.length !== 10 || !havenNodes[0].author?.displayName)
  fail(`unexpected API answer: ${havenBody.slice(0, 300)}`)
results.warm = await load('(a) Haven API, warm (cache on)', `${server.url}/graphql`, HAVEN_QUERY)
await stop(server.child)

server = await start('src/cli/api.ts', { ...apiEnv, HAVEN_API_RESPONSE_CACHE: 'off' })
results.off = await load('(a) Haven API, response cache off', `${server.url}/graphql`, HAVEN_QUERY)
await stop(server.child)

server = await start('bench/graphqlPayloadServer.ts', {})
const payloadBody = await post(`${server.url}/api/graphql`, PAYLOAD_QUERY)
if (JSON.parse(payloadBody).data?.Articles?.docs?.length !== 10)
  fail(`unexpected Payload answer: ${payloadBody.slice(0, 300)}`)
results.payload = await load(
  "(b) Payload's own GraphQL",
  `${server.url}/api/graphql`,
  PAYLOAD_QUERY,
  true,
)
await stop(server.child)

const bodyFile = path.join(dir, 'static-body.json')
fs.writeFileSync(bodyFile, havenBody)
server = await start('bench/graphqlStaticServer.ts', { BENCH_BODY_FILE: bodyFile })
results.static = await load('(c) node:http, same bytes', `${server.url}/graphql`, HAVEN_QUERY)
await stop(server.child)

if (buildIsStale(root)) {
  process.stdout.write('No up-to-date production build in .next: building it for row (d)…\n')
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'build', '--webpack'],
    {
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) fail('next build failed')
}
server = await start('src/server.ts', { ...apiEnv, NEXT_TELEMETRY_DISABLED: '1' }, [
  '--conditions=production',
  '--import',
  'tsx',
])
// The same answer as the standalone API's, or the row would measure something else.
const startBody = await post(`${server.url}/graphql`, HAVEN_QUERY)
if (startBody !== havenBody)
  fail(`npm start's /graphql answered differently: ${startBody.slice(0, 300)}`)
results.start = await load('(d) npm start /graphql, warm', `${server.url}/graphql`, HAVEN_QUERY)
await stop(server.child)

const cores = os.availableParallelism()
server = await start('src/cli/api.ts', {
  ...apiEnv,
  HAVEN_API_RESPONSE_CACHE: 'off',
  HAVEN_WORKERS: String(cores),
})
results.workers = await load(
  `(e) ${cores} workers, response cache off`,
  `${server.url}/graphql`,
  HAVEN_QUERY,
)
await stop(server.child)

const warmShare = results.warm.rps / results.static.rps
const startShare = results.start.rps / results.warm.rps
const offVsPayload = results.off.rps / results.payload.rps
const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
process.stdout.write(
  [
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
    `Warm API / static bytes:        ${(warmShare * 100).toFixed(0)}% (target ≥ 25%) ${warmShare >= 0.25 ? 'met' : 'NOT met'}`,
    `Warm API p99:                   ${results.warm.p99} ms (target ≤ 25 ms) ${results.warm.p99 <= 25 ? 'met' : 'NOT met'}`,
    `Cache off / Payload's GraphQL:  ${offVsPayload.toFixed(1)}× (target ≥ 3×) ${offVsPayload >= 3 ? 'met' : 'NOT met'}`,
    `npm start / npm run api, warm:  ${(startShare * 100).toFixed(0)}% (target ≥ 90%) ${startShare >= 0.9 ? 'met' : 'NOT met'}`,
    `npm start warm / static bytes:  ${((results.start.rps / results.static.rps) * 100).toFixed(0)}% (target ≥ 25%), p99 ${results.start.p99} ms (target ≤ 25 ms)`,
    `Cache off, ${cores} workers / 1:        ${(results.workers.rps / results.off.rps).toFixed(1)}×`,
    '',
  ].join('\n'),
)
if (problems.length) fail(problems.join('; '))
