import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'

import { freePort } from '../helpers/server'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createArticle } from '../helpers/graphqlApi'

// `npm run api` with HAVEN_WORKERS=2 on the test's database: two processes on one port.
const root = path.resolve(import.meta.dirname, '../..')
let t: TestPayload
let payload: Payload
let api: ChildProcess
let url: string
let output = ''
// Every request counts against one client's budget: all come from 127.0.0.1 (a forwarded header
// is not trusted without a proxy setting), so the count below is exact.
const BUDGET = 150
let sent = 0

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  await createArticle(payload, { title: 'Before the change' })
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  const { NODE_ENV: _test, ...env } = process.env
  api = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/cli/api.ts'], {
    cwd: root,
    env: {
      ...(env as NodeJS.ProcessEnv),
      NODE_OPTIONS: '',
      HOST: '127.0.0.1',
      HAVEN_API_PORT: String(port),
      HAVEN_WORKERS: '2',
      HAVEN_DISABLE_JOBS: 'false',
      HAVEN_API_RATE_LIMIT: String(BUDGET),
      HAVEN_API_RATE_WINDOW_SECONDS: '600',
      HAVEN_API_CACHE_CHECK_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  api.stdout!.on('data', (d) => (output += d))
  api.stderr!.on('data', (d) => (output += d))
  // Both workers print their own line once they listen.
  for (let i = 0; i < 600; i++) {
    if ((output.match(/Haven API listening/g) ?? []).length >= 2) break
    if (api.exitCode !== null) throw new Error(`api exited: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  expect((output.match(/Haven API listening/g) ?? []).length).toBe(2)
}, 300_000)

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api.once('exit', resolve))
    api.kill('SIGTERM')
    await exited
  }
  await t?.stop()
}, 60_000)

/** One query on a connection of its own, so the cluster spreads requests over the workers. */
function query(text: string, ip?: string): Promise<{ status: number; body: string }> {
  sent += 1
  const body = JSON.stringify({ query: text })
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(ip ? { 'x-forwarded-for': ip } : {}),
        },
      },
      (res) => {
        let data = ''
        res.on('data', (d) => (data += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const workerPids = () =>
  fs
    .readFileSync(`/proc/${api.pid}/task/${api.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)

describe('HAVEN_WORKERS=2', () => {
  it('runs two workers, and exactly one of them runs background jobs', () => {
    const pids = workerPids()
    expect(pids).toHaveLength(2)
    const roles = pids.map((pid) =>
      fs
        .readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .find((v) => v.startsWith('HAVEN_DISABLE_JOBS=')),
    )
    expect(roles.sort()).toEqual(['HAVEN_DISABLE_JOBS=false', 'HAVEN_DISABLE_JOBS=true'])
  })

  it('a change made elsewhere reaches every worker', async () => {
    const latest = '{ articles(first: 1) { nodes { title } } }'
    const first = await Promise.all([query(latest), query(latest)])
    for (const r of first)
      expect(JSON.parse(r.body).data.articles.nodes[0].title).toBe('Before the change')
    await createArticle(payload, { title: 'After the change' })
    // The content check runs every second in each worker; poll (bounded), never sleep a guess.
    let seen: string[] = []
    for (let i = 0; i < 30; i++) {
      const replies = await Promise.all([1, 2, 3, 4].map(() => query(latest)))
      seen = replies.map((r) => JSON.parse(r.body).data.articles.nodes[0].title)
      if (seen.every((title) => title === 'After the change')) break
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    expect(seen).toEqual(Array(4).fill('After the change'))
  }, 60_000)

  it('keeps one rate-limit budget per client, whatever the number of workers', async () => {
    // Two workers with a budget each would allow up to twice what is left of it.
    const left = BUDGET - sent
    expect(left).toBeGreaterThan(0)
    const replies: number[] = []
    for (let i = 0; i < BUDGET; i++) {
      replies.push((await query('{ __typename }', `203.0.113.${i % 250}`)).status)
    }
    expect(replies.filter((s) => s === 200)).toHaveLength(left)
    expect(replies.filter((s) => s === 429)).toHaveLength(BUDGET - left)
  }, 60_000)
})
