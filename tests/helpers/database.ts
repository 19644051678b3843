import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { MongoClient } from 'mongodb'
import pg from 'pg'

import { createDatabase, dropDatabase } from './postgres'

export type TestDatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** The database the integration suite runs on: HAVEN_TEST_DB=postgres|mongodb, else SQLite. */
export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.HAVEN_TEST_DB ?? 'sqlite'
  if (kind === 'postgres' || kind === 'mongodb' || kind === 'sqlite') return kind
  throw new Error(`HAVEN_TEST_DB must be postgres, mongodb or unset (got ${kind}).`)
}

/** Server URL (no database path) for HAVEN_TEST_DB=mongodb; `npm run test:mongodb` sets it. */
function mongoServerUrl(): string {
  const url = process.env.HAVEN_TEST_MONGODB_URL
  if (!url) {
    throw new Error(
      'HAVEN_TEST_DB=mongodb needs HAVEN_TEST_MONGODB_URL (mongodb://host:port); ' +
        '`npm run test:mongodb` starts a server and sets it.',
    )
  }
  return url.replace(/\/+$/, '')
}

async function withMongo<T>(url: string, fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.close()
  }
}

export type TestDatabase = {
  kind: TestDatabaseKind
  /** DATABASE_URL for Haven: '' selects the SQLite file under HAVEN_DATA_DIR. */
  url: string
  drop: () => Promise<void>
}

/** A fresh, empty database of its own for one test file (or one child server). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const kind = testDatabaseKind()
  if (kind === 'postgres') {
    const name = await createDatabase()
    return {
      kind,
      url: `postgres://postgres@127.0.0.1:5432/${name}`,
      drop: () => dropDatabase(name),
    }
  }
  if (kind === 'mongodb') {
    // MongoDB creates a database on first write; a unique name is all "fresh" takes.
    const name = `haven_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
    const server = mongoServerUrl()
    const query = process.env.HAVEN_TEST_MONGODB_QUERY ?? ''
    return {
      kind,
      url: `${server}/${name}${query ? `?${query}` : ''}`,
      drop: () => withMongo(server, async (c) => void (await c.db(name).dropDatabase())),
    }
  }
  return { kind, url: '', drop: async () => undefined }
}

/**
 * Every byte Haven stored, as one string, for "nothing private is stored in plaintext"
 * assertions: each SQLite file (database and write-ahead log) under dataDir, every row of every
 * PostgreSQL table, or every document of every MongoDB collection (as extended JSON).
 */
export async function everythingStored(url: string, dataDir: string): Promise<string> {
  const kind = testDatabaseKind()
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
      let all = ''
      for (const { table_name } of tables.rows)
        all += JSON.stringify((await client.query(`SELECT * FROM "${table_name}"`)).rows)
      return all
    } finally {
      await client.end()
    }
  }
  if (kind === 'mongodb') {
    return withMongo(url, async (client) => {
      const db = client.db()
      let all = ''
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray())
        all += JSON.stringify(await db.collection(name).find({}).toArray())
      return all
    })
  }
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('haven.db'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('')
}
