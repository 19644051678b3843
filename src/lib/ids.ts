/**
 * Relationship values come as a bare id (depth 0) or as the related document (populated), and ids
 * are numbers on the SQL adapters and strings on MongoDB. These are the one way to read them.
 */

/** A relationship value as Payload hands it over. */
export type Ref = string | number | { id: string | number } | null | undefined

/** The id in its stored type (a number on SQL adapters), or null when there is none. */
export function rawId(ref: unknown): string | number | null {
  const raw = ref !== null && typeof ref === 'object' ? (ref as { id?: unknown }).id : ref
  return raw === undefined || raw === null || raw === '' ? null : (raw as string | number)
}

/** The id as a string, for comparing ids across adapters and as map keys; null when none. */
export function idOf(ref: unknown): string | null {
  const raw = rawId(ref)
  return raw === null ? null : String(raw)
}

/** The ids of a has-many relationship, in stored type, without the empty ones. */
export function rawIdsOf(refs: readonly unknown[] | null | undefined): Array<string | number> {
  return (refs ?? []).map(rawId).filter((id): id is string | number => id !== null)
}
