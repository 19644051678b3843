import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { createTestDatabase } from './database'

export type TestPayload = {
  payload: Payload
  dataDir: string
  /** DATABASE_URL of this file's database; '' for the SQLite file under dataDir. */
  databaseUrl: string
  stop: () => Promise<void>
}

/**
 * Boots Payload through the Local API on a fresh database of its own: a temporary SQLite file,
 * or, when HAVEN_TEST_DB=postgres (`npm run test:postgres`) or HAVEN_TEST_DB=mongodb
 * (`npm run test:mongodb`), a new PostgreSQL or MongoDB database that is dropped when the test
 * file finishes.
 */
export async function startPayload(env: Record<string, string> = {}): Promise<TestPayload> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-test-'))
  process.env.HAVEN_DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex')
  process.env.HAVEN_DISABLE_JOBS = 'true'
  Object.assign(process.env, env)

  const database = await createTestDatabase()
  if (database.url) process.env.DATABASE_URL = database.url
  else delete process.env.DATABASE_URL

  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })

  return {
    payload,
    dataDir,
    databaseUrl: database.url,
    async stop() {
      // Payload's destroy() leaves the driver's pool open; the forced DROP DATABASE below ends
      // those connections, which the pool reports as errors that nobody is waiting for.
      const db = payload.db as unknown as { pool?: { on(e: string, f: () => void): void } }
      db.pool?.on('error', () => undefined)
      await payload.destroy()
      await database.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
