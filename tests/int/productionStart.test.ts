import crypto from 'node:crypto'

import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database'
import { startServer } from '../helpers/server'

// A new production deployment: `npm start` with NODE_ENV=production on an empty database builds
// the schema through the committed migrations (PostgreSQL; never schema push) or needs none
// (MongoDB), starts, and answers GraphQL — the first time, and again on the database it left.
// A migration listed twice once failed exactly here, on the first start only.
const kind = testDatabaseKind()

;(kind === 'sqlite' ? describe.skip : describe)(`npm start on an empty ${kind} database`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database?.drop(), 60_000)

  const env = () => ({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    HAVEN_DB_PUSH: 'false',
    HAVEN_WORKERS: '1',
    HAVEN_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}`,
  })

  async function answersGraphQL(url: string) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 1) { nodes { title } } }' }),
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.errors).toBeUndefined()
    expect(body.data.articles.nodes).toHaveLength(1) // the demo content went in
  }

  it('starts first time, then again on the migrated database', async () => {
    const settings = env()
    const first = await startServer(settings)
    try {
      expect(first.output()).not.toMatch(/preparing the database failed/)
      await answersGraphQL(first.url)
    } finally {
      await first.stop()
    }
    const second = await startServer(settings)
    try {
      await answersGraphQL(second.url)
    } finally {
      await second.stop()
    }
  }, 900_000) // the first start in a lane may build the admin (minutes on a small machine)
})
