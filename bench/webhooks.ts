/**
 * Publish-to-delivery latency of Haven's webhooks, measured against a real receiver on 127.0.0.1
 * with the in-process worker running, as in production.
 *
 *   npm run bench:webhooks                 (SQLite in a temp dir; DATABASE_URL=postgres://… for PG)
 *   BENCH_N=200 npm run bench:webhooks
 *
 * Each publish waits for its delivery before the next, so the numbers are one change's latency,
 * not a queue's. For the coalescing scenario the window itself is subtracted: what remains is
 * the time Haven adds outside the window.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-bench-webhooks-'))
Object.assign(process.env, {
  HAVEN_DATA_DIR: dataDir,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || crypto.randomBytes(32).toString('hex'),
  HAVEN_DISABLE_JOBS: 'false',
  HAVEN_WEBHOOK_ALLOW_PRIVATE: 'true',
})

const N = Number(process.env.BENCH_N ?? 50)
const WINDOW_S = 1

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function main() {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { startReceiver } = await import('../tests/helpers/receiver')
  const { toLexical } = await import('../src/lib/lexical')
  const payload = await getPayload({ config })
  const receiver = await startReceiver()
  let counter = 0

  const publish = () =>
    payload.create({
      collection: 'articles',
      data: {
        title: `Bench article ${++counter}`,
        body: toLexical([{ type: 'paragraph', text: 'Text.' }]),
        _status: 'published',
      },
      depth: 0,
    })

  const useOnly = async (data: Record<string, unknown> | null) => {
    await payload.update({
      collection: 'webhook-endpoints',
      where: { active: { equals: true } },
      data: { active: false },
    })
    if (data) await payload.create({ collection: 'webhook-endpoints', data: data as never })
  }

  /** Publishes N articles one at a time; returns publish-call and publish-to-delivery times. */
  async function run(route: string | null, subtractMs = 0) {
    const call: number[] = []
    const delivered: number[] = []
    for (let i = 0; i < N; i += 1) {
      const seen = route ? receiver.to(route).length : 0
      const start = performance.now()
      await publish()
      call.push(performance.now() - start)
      if (!route) continue
      await receiver.waitFor(seen + 1, route, 60_000)
      delivered.push(performance.now() - start - subtractMs)
    }
    return { call, delivered }
  }

  // Warm-up: first-save costs (schema, caches, JIT) are not what is measured.
  for (let i = 0; i < 10; i += 1) await publish()
  const rows: [string, number[], number[]][] = []
  await useOnly(null)
  const none = await run(null)
  rows.push(['no endpoints (publish call only)', none.call, []])
  for (const [label, mode, route] of [
    ['signed, window 0', 'signed', '/signed'],
    ['build hook, window 0', 'build-hook', '/hook'],
  ] as const) {
    await useOnly({ name: label, url: receiver.url(route), mode, coalesceSeconds: 0 })
    const r = await run(route)
    rows.push([label, r.call, r.delivered])
  }
  await useOnly({
    name: 'windowed',
    url: receiver.url('/windowed'),
    mode: 'signed',
    coalesceSeconds: WINDOW_S,
  })
  const windowed = await run('/windowed', WINDOW_S * 1000)
  rows.push([`signed, window ${WINDOW_S} s (minus window)`, windowed.call, windowed.delivered])

  const base = percentile(rows[1][2], 50)
  const baseCall = percentile(rows[0][1], 50)
  const fmt = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1).padStart(8))
  console.log(`\nWebhook latency, ${N} publishes per scenario, ${payload.db.name} (ms)\n`)
  console.log(
    'scenario'.padEnd(40) +
      'call p50'.padStart(10) +
      'call ×'.padStart(8) +
      'deliv p50'.padStart(11) +
      'deliv p99'.padStart(11) +
      'p50 ×'.padStart(8),
  )
  for (const [label, call, delivered] of rows) {
    const p50 = delivered.length ? percentile(delivered, 50) : undefined
    console.log(
      label.padEnd(40) +
        fmt(percentile(call, 50)).padStart(10) +
        (percentile(call, 50) / baseCall).toFixed(2).padStart(8) +
        fmt(p50).padStart(11) +
        fmt(delivered.length ? percentile(delivered, 99) : undefined).padStart(11) +
        (p50 === undefined ? '—' : (p50 / base).toFixed(2)).padStart(8),
    )
  }
  console.log('\n× columns: ratio to the first row with a value in that column.')
  await receiver.close()
  await payload.destroy()
}

main()
  .then(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
  .catch((error) => {
    console.error(error)
    fs.rmSync(dataDir, { recursive: true, force: true })
    process.exit(1)
  })
