import path from 'node:path'
import fs from 'node:fs'
import type { DatabaseAdapterObj } from 'payload'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { mongooseAdapter, type MongooseAdapter } from '@payloadcms/db-mongodb'

import { dataDir } from '../config/paths'
import { migrations } from '../migrations'
import { withAfterCommit } from './afterCommit'
import { indexPostgresLocaleParents, indexSqliteLocaleParents } from './indexLocaleParents'
import { serializeSqliteWrites } from './serializeSqliteWrites'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const ACCEPTED_DATABASE_URLS =
  'unset (embedded SQLite file under HAVEN_DATA_DIR, default ./data), ' +
  'postgres://… or postgresql://… (PostgreSQL), mongodb://… or mongodb+srv://… (MongoDB)'

export class DatabaseUrlError extends Error {
  constructor(value: string) {
    // Only the scheme is echoed: the URL itself may carry a password.
    const scheme = value.includes(':') ? value.slice(0, value.indexOf(':') + 1) : '(no scheme)'
    super(`DATABASE_URL has an unsupported form (${scheme}). Accepted: ${ACCEPTED_DATABASE_URLS}.`)
    this.name = 'DatabaseUrlError'
  }
}

/** Which database DATABASE_URL selects. Throws a DatabaseUrlError for anything else. */
export function databaseKind(url: string | undefined = process.env.DATABASE_URL): DatabaseKind {
  const value = (url ?? '').trim()
  if (value === '') return 'sqlite'
  if (/^postgres(ql)?:\/\//i.test(value)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//i.test(value)) return 'mongodb'
  throw new DatabaseUrlError(value)
}

export type MongoCompat = 'ferretdb'

/**
 * HAVEN_MONGODB_COMPAT names a MongoDB-compatible server that needs adapter options real MongoDB
 * does not; unset (the default) leaves the adapter exactly as it is for MongoDB itself.
 */
export function mongoCompat(value = process.env.HAVEN_MONGODB_COMPAT): MongoCompat | null {
  const v = (value ?? '').trim().toLowerCase()
  if (v === '') return null
  if (v === 'ferretdb') return v
  throw new Error(`HAVEN_MONGODB_COMPAT must be unset or ferretdb (got ${value}).`)
}

/**
 * FerretDB v1 (MongoDB wire protocol over PostgreSQL or SQLite) has no `$lookup`, so joins and
 * sorts on related fields are resolved with separate queries, and it has no transactions.
 * Modelled on Payload's own presets for DocumentDB, Cosmos DB and Firestore
 * (`compatibilityOptions` in @payloadcms/db-mongodb).
 */
export function mongoCompatOptions(compat = mongoCompat()) {
  if (compat !== 'ferretdb') return {}
  return {
    useJoinAggregations: false,
    usePipelineInSortLookup: false,
    transactionOptions: false as const,
    disableIndexHints: true,
  }
}

/**
 * Payload turns transactions off when the client is not connected to a replica set (its own
 * check: no `replicaSet` in the client options). Then a content save and its webhook outbox row
 * are two separate writes, so say so at start-up rather than leave it silent.
 */
export function warnWithoutReplicaSet(adapter: MongooseAdapter): void {
  const client = adapter.connection.getClient()
  if (client.options.replicaSet && adapter.transactionOptions !== false) return
  adapter.payload.logger.warn(
    'MongoDB without a replica set (no replicaSet in DATABASE_URL' +
      (mongoCompat() ? `, or HAVEN_MONGODB_COMPAT=${mongoCompat()}` : '') +
      '): Payload runs without transactions, so a content change and its webhook outbox row are ' +
      'not written atomically. Use a replica set in production (docker/compose.yml runs one).',
  )
}

/** How long a write waits for another writer of the SQLite file before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000

export function sqliteFile(): string {
  return path.join(dataDir(), 'haven.db')
}

/**
 * Builds the Payload database adapter for DATABASE_URL.
 *
 * Schema: the drizzle adapters push the schema in development (Payload skips push when
 * NODE_ENV=production). The embedded SQLite database is also pushed by `npm start` before the
 * production server starts (src/cli/start.ts), but not by `npm run import` once it exists, since a
 * running server may be using it; PostgreSQL in production applies the committed
 * migrations in src/migrations on start (`prodMigrations`). MongoDB needs no schema.
 */
export function databaseAdapter(
  url: string | undefined = process.env.DATABASE_URL,
): DatabaseAdapterObj {
  // Cache invalidation waits for each save's commit (src/graphql/cache/invalidateOnChange.ts).
  return withAfterCommit(baseAdapter(url))
}

function baseAdapter(url: string | undefined): DatabaseAdapterObj {
  const kind = databaseKind(url)
  if (kind === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: url!.trim() },
      push: process.env.HAVEN_DB_PUSH !== 'false',
      migrationDir: path.resolve(process.cwd(), 'src/migrations'),
      // Applied on start when NODE_ENV=production; tests/int/migrations.test.ts fails when a
      // collection change lands without a new migration.
      prodMigrations: migrations,
      afterSchemaInit: [indexPostgresLocaleParents],
    })
  }
  if (kind === 'mongodb') {
    return mongooseAdapter({
      url: url!.trim(),
      transactionOptions: {},
      afterOpenConnection: warnWithoutReplicaSet,
      ...mongoCompatOptions(),
    })
  }
  fs.mkdirSync(dataDir(), { recursive: true })
  // The server and `npm run import` (or a second server) share this file: WAL lets readers go on
  // while one process writes, the busy timeout makes a writer wait for the other process instead
  // of failing, and transactions make each save all-or-nothing. See serializeSqliteWrites.
  return serializeSqliteWrites(
    sqliteAdapter({
      client: { url: `file:${sqliteFile()}` },
      push: process.env.HAVEN_DB_PUSH !== 'false',
      wal: true,
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      // drizzle's libsql driver ignores `behavior` and always begins with BEGIN IMMEDIATE (libsql's
      // "write" mode); any value here is what turns Payload's transactions on.
      transactionOptions: { behavior: 'immediate' },
      afterSchemaInit: [indexSqliteLocaleParents],
    }),
    SQLITE_BUSY_TIMEOUT_MS,
  )
}
