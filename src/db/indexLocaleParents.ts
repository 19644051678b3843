import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

type Schema = { tables: Record<string, Record<string, unknown>> }
type ExtendTable = (args: { table: never; extraConfig: (cols: never) => object }) => void

const LOCALES = /_locales$/

/**
 * Payload's SQL adapters give each `<table>_locales` table a unique index on (_locale, _parent_id)
 * only, yet read a document's translations by _parent_id alone (every locale, for the fallback).
 * That lookup could not use the index and scanned the whole locales table once per row read:
 * about 20 ms for a page of ten articles out of a thousand. An index led by _parent_id makes it a
 * lookup. NOTE: drop this when Payload indexes locale tables by parent itself.
 */
function indexLocaleParents(
  schema: Schema,
  extendTable: ExtendTable,
  index: (name: string) => { on: (column: never) => unknown },
) {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!LOCALES.test(name) || !table._parentID) continue
    extendTable({
      table: table as never,
      extraConfig: (cols: Record<string, never>) => ({
        _parentIdx: index(`${name}_parent_idx`).on(cols._parentID),
      }),
    })
  }
  return schema
}

export const indexSqliteLocaleParents: SQLiteSchemaHook = ({ schema, extendTable }) =>
  indexLocaleParents(schema as never, extendTable as never, sqliteIndex as never) as never

export const indexPostgresLocaleParents: PostgresSchemaHook = ({ schema, extendTable }) =>
  indexLocaleParents(schema as never, extendTable as never, pgIndex as never) as never
