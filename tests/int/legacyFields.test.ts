import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { MongoClient } from 'mongodb'

import { renameLegacyMongoFields, renameLegacySqliteColumns } from '../../src/db/renameLegacyFields'
import { testDatabaseKind } from '../helpers/database'
import { startPayload, type TestPayload } from '../helpers/payload'

// webhook-endpoints.subscriptions[].collection became `source`; data stored under the old name
// must survive the upgrade (PostgreSQL: migration 20261130_031000_webhook_subscription_source).

it('renames the old SQLite column in place, keeping its values, once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-legacy-'))
  const file = path.join(dir, 'haven.db')
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute(
      'CREATE TABLE webhook_endpoints_subscriptions (_order integer NOT NULL, ' +
        '_parent_id integer NOT NULL, id text PRIMARY KEY NOT NULL, collection text NOT NULL)',
    )
    await client.execute(
      `INSERT INTO webhook_endpoints_subscriptions VALUES (1, 1, 'a1', 'articles')`,
    )
    expect(await renameLegacySqliteColumns(file)).toEqual([
      'webhook_endpoints_subscriptions.collection → source',
    ])
    const { rows } = await client.execute('SELECT source FROM webhook_endpoints_subscriptions')
    expect(rows.map((r) => r.source)).toEqual(['articles'])
    expect(await renameLegacySqliteColumns(file)).toEqual([])
    expect(await renameLegacySqliteColumns(path.join(dir, 'missing.db'))).toEqual([])
  } finally {
    client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

// The stored key only exists as such on MongoDB; the SQL databases are covered above and by
// the PostgreSQL migration.
const onMongo = testDatabaseKind() === 'mongodb' ? describe : describe.skip

onMongo('MongoDB documents with the old subscription key', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startPayload()
  }, 120_000)
  afterAll(async () => t?.stop(), 60_000)

  it('move to `source` and match changes again', async () => {
    const { payload } = t
    const endpoint = await payload.create({
      collection: 'webhook-endpoints',
      data: {
        name: 'Legacy',
        url: 'https://hooks.example.org/legacy',
        mode: 'signed',
        coalesceSeconds: 0,
        subscriptions: [{ source: 'articles', operations: ['publish'] }],
      },
    })
    const client = new MongoClient(t.databaseUrl)
    await client.connect()
    try {
      const raw = client.db().collection('webhook-endpoints')
      const stored = await raw.findOne({})
      expect(stored?.subscriptions?.[0]?.source).toBe('articles')
      await raw.updateOne(
        { _id: stored!._id },
        {
          $set: {
            subscriptions: [{ id: 'legacy-1', collection: 'articles', operations: ['publish'] }],
          },
        },
      )
      expect(await renameLegacyMongoFields(payload)).toBe(1)
      const after = await raw.findOne({ _id: stored!._id })
      expect(after?.subscriptions).toEqual([
        { id: 'legacy-1', source: 'articles', operations: ['publish'] },
      ])
      expect(await renameLegacyMongoFields(payload)).toBe(0)
    } finally {
      await client.close()
    }
    const read = await payload.findByID({ collection: 'webhook-endpoints', id: endpoint.id })
    expect(read.subscriptions?.[0]?.source).toBe('articles')
  })
})
