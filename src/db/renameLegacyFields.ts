import fs from 'node:fs'
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

// Fields renamed since release, as stored: SQL column and MongoDB array-item key.
// webhook-endpoints.subscriptions[].collection → source (mongoose reserves `collection`).
const SQLITE_RENAMES = [
  { table: 'webhook_endpoints_subscriptions', from: 'collection', to: 'source' },
]

/**
 * Renames columns in an existing SQLite file before Payload pushes its schema. Push sees a
 * renamed column as one dropped and one added, asks before losing data (which `npm start`
 * cannot answer) and would then lose the values. PostgreSQL has a migration for the same rename.
 */
export async function renameLegacySqliteColumns(file: string): Promise<string[]> {
  if (!fs.existsSync(file)) return []
  const client = createClient({ url: `file:${file}` })
  const renamed: string[] = []
  try {
    for (const { table, from, to } of SQLITE_RENAMES) {
      const { rows } = await client.execute(`PRAGMA table_info("${table}")`)
      const columns = rows.map((row) => String(row.name))
      if (!columns.includes(from) || columns.includes(to)) continue
      await client.execute(`ALTER TABLE "${table}" RENAME COLUMN "${from}" TO "${to}"`)
      renamed.push(`${table}.${from} → ${to}`)
    }
  } finally {
    client.close()
  }
  return renamed
}

type LegacySubscription = { collection?: unknown; source?: unknown; [key: string]: unknown }
type EndpointModel = {
  find(filter: object): {
    lean(): Promise<Array<{ _id: unknown; subscriptions?: LegacySubscription[] }>>
  }
  updateOne(filter: object, update: object): Promise<unknown>
}

/**
 * Moves MongoDB webhook subscriptions stored under the old key `collection` to `source`.
 * Document by document (no aggregation-pipeline update), so it also runs on FerretDB.
 */
export async function renameLegacyMongoFields(payload: Payload): Promise<number> {
  const db = payload.db as unknown as { name: string; collections?: Record<string, EndpointModel> }
  const model = db.name === 'mongoose' ? db.collections?.['webhook-endpoints'] : undefined
  if (!model) return 0
  const docs = await model.find({ 'subscriptions.collection': { $exists: true } }).lean()
  for (const doc of docs) {
    const subscriptions = (doc.subscriptions ?? []).map(({ collection, ...rest }) => ({
      ...rest,
      source: rest.source ?? collection,
    }))
    await model.updateOne({ _id: doc._id }, { $set: { subscriptions } })
  }
  return docs.length
}
