import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { createDatabase, dropDatabase } from './postgres'

export type TestPayload = { payload: Payload; dataDir: string; stop: () => Promise<void> }

/**
 * Boots Payload through the Local API on a fresh database of its own: a temporary SQLite file,
 * or, when HAVEN_TEST_DB=postgres (`npm run test:postgres`), a new PostgreSQL database that is
 * dropped when the test file finishes.
 */
export async function startPayload(env: Record<string, string> = {}): Promise<TestPayload> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-test-'))
  process.env.HAVEN_DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex')
  process.env.HAVEN_DISABLE_JOBS = 'true'
  Object.assign(process.env, env)

  let databaseName: string | undefined
  if (process.env.HAVEN_TEST_DB === 'postgres') {
    databaseName = await createDatabase()
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${databaseName}`
  } else {
    delete process.env.DATABASE_URL
  }

  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })

  return {
    payload,
    dataDir,
    async stop() {
      // Payload's destroy() leaves the driver's pool open; the forced DROP DATABASE below ends
      // those connections, which the pool reports as errors that nobody is waiting for.
      const db = payload.db as unknown as { pool?: { on(e: string, f: () => void): void } }
      db.pool?.on('error', () => undefined)
      await payload.destroy()
      if (databaseName) await dropDatabase(databaseName)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
