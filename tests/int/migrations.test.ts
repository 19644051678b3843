import type { Payload } from 'payload'

import { seed } from '../../src/seed'
import { startPayload, type TestPayload } from '../helpers/payload'

// Production PostgreSQL is changed only by the committed migrations (src/migrations), never by
// schema push. This proves they build the whole schema: a database created by them alone must
// hold the demo content, and must differ in nothing from what the collections describe.
const onPostgres = process.env.HAVEN_TEST_DB === 'postgres'

;(onPostgres ? describe : describe.skip)('PostgreSQL migrations', () => {
  let t: TestPayload
  let payload: Payload

  beforeAll(async () => {
    t = await startPayload({ HAVEN_DB_PUSH: 'false' })
    payload = t.payload
    await payload.db.migrate()
  }, 180_000)
  afterAll(async () => t?.stop())

  it('create a schema with nothing missing: drizzle finds no statement left to apply', async () => {
    const db = payload.db as unknown as {
      schema: Record<string, unknown>
      drizzle: unknown
      requireDrizzleKit: () => {
        pushSchema: (
          schema: unknown,
          drizzle: unknown,
        ) => Promise<{ statementsToExecute: string[] }>
      }
    }
    const { statementsToExecute } = await db.requireDrizzleKit().pushSchema(db.schema, db.drizzle)
    // drizzle-kit re-issues numeric column defaults on every comparison (it compares the text
    // '0' with the number 0), even right after creating them; those are not drift.
    const drift = statementsToExecute.filter((s) => !/ALTER COLUMN "\w+" SET DEFAULT \d+;$/.test(s))
    expect(drift).toEqual([])
  }, 120_000)

  it('hold the demo content', async () => {
    const result = await seed(payload)
    expect(result.created).toBeGreaterThan(10)
    const articles = await payload.find({ collection: 'articles', overrideAccess: false })
    expect(articles.totalDocs).toBeGreaterThan(0)
  }, 120_000) // seeding writes dozens of documents through every hook; slow on a busy machine
})
