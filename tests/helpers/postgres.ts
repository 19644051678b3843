import crypto from 'node:crypto'
import pg from 'pg'

const ADMIN_URL =
  process.env.HAVEN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A new, empty database for one test file. */
export async function createDatabase(): Promise<string> {
  const name = `haven_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`))
  return name
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}
