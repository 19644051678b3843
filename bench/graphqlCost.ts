/**
 * `node --conditions=development --import tsx bench/graphqlCost.ts`: what one uncached request
 * of the hot query costs, in one process and without HTTP, so a busy machine skews it less than
 * req/s does. Alternates Haven's handler (response cache off) and Payload's GraphQL handler in
 * blocks of 50 and prints CPU ms per request for each and the ratio, then the SQL statements one
 * Haven request runs with their times. Reads the database bench/graphql.ts seeded: run that first
 * with the same HAVEN_BENCH_DIR / DATABASE_URL.
 *
 * Env: HAVEN_BENCH_DIR, DATABASE_URL, BENCH_ROUNDS (default 10), CPU_PROFILE (a file to write a
 * .cpuprofile of 500 Haven requests to, for Chrome DevTools or speedscope).
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import path from 'node:path'

process.env.HAVEN_DATA_DIR = path.resolve(
  process.env.HAVEN_BENCH_DIR ?? path.join(os.tmpdir(), 'haven-bench-graphql'),
)
process.env.HAVEN_API_RESPONSE_CACHE = 'off'
process.env.HAVEN_DISABLE_JOBS = 'true'
process.env.PAYLOAD_SECRET ??= fs.readFileSync(
  path.join(process.env.HAVEN_DATA_DIR, '.bench-secret'),
  'utf8',
)
// Measure production mode, as bench/graphql.ts does, with the keys its seed generated.
const keys = path.join(process.env.HAVEN_DATA_DIR, '.encryption-keys')
if (fs.existsSync(keys)) {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    HAVEN_ENCRYPTION_KEYS: fs.readFileSync(keys, 'utf8').trim(),
  })
}

const { getPayload } = await import('payload')
const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
const { default: config } = await import('../payload.config')
const { createGraphQLHandler } = await import('../src/graphql/http/handler')

const HAVEN_QUERY = `{ articles(first: 10) { nodes { title slug publishedAt topics { name slug } author { displayName } } } }`
const PAYLOAD_QUERY = `{ Articles(limit: 10, sort: "-publishedAt") { docs { title slug publishedAt topics { name slug } author { displayName } } } }`

const payload = await getPayload({ config })
const handler = await createGraphQLHandler({ payload, limits: { rateLimit: 0 } })
const payloadHandle = GRAPHQL_POST(config)

async function haven() {
  const res = await handler.handle({
    method: 'POST',
    search: '',
    headers: new Map([['content-type', 'application/json']]),
    body: JSON.stringify({ query: HAVEN_QUERY }),
    ip: '127.0.0.1',
  })
  if (res.status !== 200 || res.body.includes('"errors"')) throw new Error(res.body.slice(0, 300))
}

async function payloadGraphQL() {
  const res = await payloadHandle(
    new Request('http://127.0.0.1/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PAYLOAD_QUERY }),
    }),
  )
  const text = await res.text()
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(text.slice(0, 300))
}

for (let i = 0; i < 30; i++) {
  await haven()
  await payloadGraphQL()
}

const cpuMs = { haven: 0, payload: 0 }
const rounds = Number(process.env.BENCH_ROUNDS ?? 10)
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of [
    ['haven', haven],
    ['payload', payloadGraphQL],
  ] as const) {
    const start = process.cpuUsage()
    for (let i = 0; i < 50; i++) await run()
    const used = process.cpuUsage(start)
    cpuMs[name] += (used.user + used.system) / 1000
  }
}
const per = (ms: number) => (ms / (rounds * 50)).toFixed(2)
process.stdout.write(
  `CPU per request: Haven (cache off) ${per(cpuMs.haven)} ms, Payload's GraphQL ` +
    `${per(cpuMs.payload)} ms: Haven needs ${(cpuMs.payload / cpuMs.haven).toFixed(2)}× less\n`,
)

// The statements of one Haven request, timed where the driver runs them.
const statements: Array<[string, number]> = []
const db = payload.db as unknown as {
  client?: Record<string, (...args: unknown[]) => Promise<unknown>>
  pool?: Record<string, (...args: unknown[]) => Promise<unknown>>
}
const driver = db.client ?? db.pool
const methods = db.client ? ['execute', 'batch'] : ['query']
for (const method of methods) {
  const original = driver![method].bind(driver)
  driver![method] = async (...args: unknown[]) => {
    const started = performance.now()
    try {
      return await original(...args)
    } finally {
      const sql = args[0] as string | { sql?: string; text?: string }
      const text = typeof sql === 'string' ? sql : (sql.sql ?? sql.text ?? '')
      statements.push([text.slice(0, 110), performance.now() - started])
    }
  }
}
await haven()
process.stdout.write(`One Haven request runs ${statements.length} SQL statements:\n`)
for (const [sql, ms] of statements) process.stdout.write(`  ${ms.toFixed(2)} ms  ${sql}…\n`)

if (process.env.CPU_PROFILE) {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  for (let i = 0; i < 500; i++) await haven()
  const { profile } = await session.post('Profiler.stop')
  fs.writeFileSync(process.env.CPU_PROFILE, JSON.stringify(profile))
}

await handler.stop()
await payload.destroy()
process.exit(0)
