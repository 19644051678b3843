import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Webhook } from 'standardwebhooks'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { INTERRUPTED } from '../../src/webhooks/attemptDelivery'
import { startReceiver, type Receiver } from '../helpers/receiver'

type Recorded = {
  adapter: string
  articles: string[]
  secret: string
  immediate: string[]
  windowed: string[]
}

// payload.db.name of each adapter.
const ADAPTER_NAMES = { sqlite: 'sqlite', postgres: 'postgres', mongodb: 'mongoose' } as const

const CHILD = path.resolve('tests/helpers/webhooksRestartChild.ts')

let receiver: Receiver
let dataDir: string
let database: TestDatabase
const children: ChildProcess[] = []

function startChild(mode: 'record' | 'deliver' | 'log', env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', CHILD, mode],
    {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c) => (stdout += c))
  child.stderr!.on('data', (c) => (stderr += c))
  const waitForLine = (prefix: string, timeoutMs = 90_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No ${prefix} from ${mode}:\n${stderr}`)),
        timeoutMs,
      )
      const check = () => {
        const line = stdout.split('\n').find((l) => l.startsWith(prefix))
        if (line) {
          clearTimeout(timer)
          resolve(line.slice(prefix.length).trim())
        }
      }
      child.stdout!.on('data', check)
      // A process that exits before reporting failed, whatever its exit code says.
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`${mode} exited (${code ?? signal}) before ${prefix}:\n${stderr}`))
      })
      check()
    })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, waitForLine, exited }
}

beforeAll(async () => {
  receiver = await startReceiver()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-restart-'))
  // Both child processes share this file's own database, on whichever lane is running.
  database = await createTestDatabase()
})

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  await receiver?.close()
  await database?.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}, 30_000)

it('a server killed with deliveries pending and in flight delivers them after restart, same ids, none lost', async () => {
  const env: Record<string, string> = {
    HAVEN_DATA_DIR: dataDir,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    HAVEN_DISABLE_JOBS: 'false',
    HAVEN_WEBHOOK_ALLOW_PRIVATE: 'true',
    HAVEN_WEBHOOK_TIMEOUT_MS: '1000',
    HAVEN_WEBHOOK_POLL_MS: '200',
    RECEIVER_URL: receiver.url('').replace(/\/$/, ''),
    DATABASE_URL: database.url,
  }
  // The immediate endpoint hangs on the first process, so its deliveries are in flight when it dies.
  receiver.script('/a', 'hang', 'hang', 'hang')

  const first = startChild('record', env)
  const recorded = JSON.parse(await first.waitForLine('RECORDED')) as Recorded
  // The children run on this lane's database, not silently on a SQLite file of their own.
  expect(recorded.adapter).toBe(ADAPTER_NAMES[database.kind])
  await receiver.waitFor(1, '/a')
  first.child.kill('SIGKILL')
  await first.exited
  const hung = receiver.to('/a').map((r) => r.headers['webhook-id'])
  const beforeRestart = receiver.requests.length
  expect(receiver.to('/b')).toHaveLength(0)

  const second = startChild('deliver', env)
  await second.waitForLine('READY')
  const covered = (p: string) =>
    new Set(
      receiver
        .to(p)
        .slice(p === '/a' ? hung.length : 0)
        .flatMap((r) => JSON.parse(r.body).data.changes.map((c: { id: string }) => c.id)),
    )
  const deadline = Date.now() + 60_000
  while (
    Date.now() < deadline &&
    !recorded.articles.every((id) => covered('/a').has(id) && covered('/b').has(id))
  ) {
    await receiver.waitFor(receiver.requests.length + 1, null, 30_000).catch(() => undefined)
  }
  second.child.kill('SIGTERM')
  await second.exited

  const afterRestart = receiver.requests.slice(beforeRestart)
  expect([...covered('/a')].sort()).toEqual([...recorded.articles].sort())
  expect([...covered('/b')].sort()).toEqual([...recorded.articles].sort())
  // Same messages, not new ones: every id was in the outbox before the kill…
  for (const r of afterRestart.filter((r) => r.path === '/a')) {
    expect(recorded.immediate).toContain(r.headers['webhook-id'])
    expect(() => new Webhook(recorded.secret).verify(r.body, r.headers)).not.toThrow()
  }
  for (const r of afterRestart.filter((r) => r.path === '/b')) {
    expect(recorded.windowed).toContain(r.headers['webhook-id'])
  }
  // …and what was in flight when the process died was sent again under its own id.
  const resent = new Set(afterRestart.map((r) => r.headers['webhook-id']))
  for (const id of hung) expect(resent.has(id)).toBe(true)

  // The attempt the kill cut off is in the delivery log, ahead of any later attempt (the second
  // process was stopped too, possibly before it recorded its resend's answer).
  const reader = startChild('log', { ...env, HAVEN_DISABLE_JOBS: 'true' })
  const logs = JSON.parse(await reader.waitForLine('LOG')) as Record<
    string,
    { error: string | null; statusCode: number | null }[]
  >
  await reader.exited
  for (const id of hung) {
    expect(logs[id][0]).toEqual({ error: INTERRUPTED, statusCode: null })
    for (const later of logs[id].slice(1)) {
      expect(later.statusCode === 200 || later.error === INTERRUPTED).toBe(true)
    }
  }
}, 180_000)
