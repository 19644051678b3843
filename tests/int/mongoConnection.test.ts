import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import { warnWithoutReplicaSet } from '../../src/db/adapter'
import { testDatabaseKind } from '../helpers/database'
import { startPayload, type TestPayload } from '../helpers/payload'

// Only a MongoDB connection has a replica set or not; the SQL lanes have nothing to check here.
const onMongo = testDatabaseKind() === 'mongodb' ? describe : describe.skip

onMongo('a MongoDB connection without a replica set', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startPayload()
  }, 120_000)
  afterAll(async () => t?.stop(), 60_000)

  it('runs without transactions, and start-up says the outbox is then not atomic', async () => {
    const db = t.payload.db as unknown as MongooseAdapter
    expect(db.name).toBe('mongoose')
    expect(db.connection.getClient().options.replicaSet).toBeUndefined()
    expect(db.transactionOptions).toBe(false)
    const warnings: string[] = []
    const logger = t.payload.logger
    const warn = logger.warn
    logger.warn = ((msg: unknown) => void warnings.push(String(msg))) as typeof logger.warn
    try {
      warnWithoutReplicaSet(db)
    } finally {
      logger.warn = warn
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/without a replica set.*not written atomically/)
  })
})
