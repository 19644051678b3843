import { badInput } from '../errors'

/** Position of an item in a sorted list: its sort value and its id (the tie-breaker). */
export type Cursor = [value: string | number | null, id: string | number]

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

const NOT_A_CURSOR =
  '`after` is not a cursor this API returned; pass a pageInfo.endCursor unchanged.'

// Sort values this API writes into cursors: dates, titles, slugs, distances and ids. None holds a
// NUL, which PostgreSQL refuses in any text and SQLite's driver fails on; none is longer than a
// title may be.
const MAX_CURSOR_CHARS = 2_000
const cursorPart = (part: unknown) =>
  (typeof part === 'string' && part.length <= MAX_CURSOR_CHARS && !part.includes('\u0000')) ||
  (typeof part === 'number' && Number.isFinite(part))

export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (raw == null) return null
  try {
    const value: unknown =
      raw.length <= MAX_CURSOR_CHARS * 4
        ? JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
        : undefined
    const ok =
      Array.isArray(value) &&
      value.length === 2 &&
      cursorPart(value[1]) &&
      (value[0] === null || cursorPart(value[0]))
    if (ok) return value as Cursor
  } catch {
    // fall through to the error below
  }
  throw badInput(NOT_A_CURSOR)
}

/**
 * A cursor whose id goes into a database query must carry an id of the shape that database
 * gives (ObjectId hex on MongoDB, an integer on SQLite and PostgreSQL); any other value is a
 * forged cursor, refused here rather than failing inside the adapter.
 */
export function checkCursorId(adapterName: string, cursor: Cursor): Cursor {
  const id = String(cursor[1])
  const ok = adapterName === 'mongoose' ? /^[0-9a-f]{24}$/i.test(id) : /^\d{1,15}$/.test(id)
  if (!ok) throw badInput(NOT_A_CURSOR)
  return [cursor[0], id]
}

/**
 * Orders ids as opaque strings (code-unit order, not locale order): MongoDB ids are ObjectId hex
 * strings and SQL ids numbers, so arithmetic on them is wrong on one database or the other. Any
 * total order works for a tie-break as long as the sort and the cursor use the same one.
 */
export function compareIds(a: string | number, b: string | number): number {
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export const MAX_PAGE_SIZE = 100

/** Page sizes are 1–100: a larger page would let one request scan the whole database. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE} (got ${size}).`)
  }
  return size
}

export type Connection<T> = {
  edges: Array<{ cursor: string; node: T }>
  nodes: T[]
  pageInfo: {
    hasNextPage: boolean
    hasPreviousPage: boolean
    startCursor: string | null
    endCursor: string | null
  }
  totalCount: () => Promise<number>
}

/** Builds a connection from one page fetched with limit first + 1 (the extra row says "more"). */
export function toConnection<T>(
  rows: T[],
  first: number,
  hadCursor: boolean,
  cursorOf: (row: T) => Cursor,
  totalCount: () => Promise<number>,
): Connection<T> {
  const nodes = rows.slice(0, first)
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }))
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  }
}
