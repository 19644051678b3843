export type CachedResponse = { status: number; headers: Record<string, string>; body: string }

type Entry = { response: CachedResponse; expires: number }

/**
 * What an invalidation tells other processes (src/graphql/cache/clusterBridge.ts, redisBridge.ts):
 * - `begin`: a save has announced a public change inside its transaction. Everything cached is
 *   dropped and nothing is stored (nor shared between requests) until the change ends, because
 *   a read may still see the rows from before the commit.
 * - `end`: that transaction has committed (or rolled back). Everything is dropped again, so no
 *   answer read before the commit survives it, and storing resumes once no change is open.
 * - `now`: a plain invalidation (a change seen by the content check, a test).
 */
export type InvalidationEvent = { phase: 'begin' | 'end' | 'now'; id: string; reason: string }

/**
 * Called on every invalidation. A bridge returns a promise that settles once every peer has
 * applied the event, and the save waits for it (bounded), so when a publish has answered no
 * process still holds or stores what was there before it.
 */
type Listener = (event: InvalidationEvent, fromPeer: boolean) => void | Promise<void>

type Store = {
  version(): number
  bump(): void
  /** Open changes: id → when to give up waiting for its end (a lost message must not stop caching). */
  open: Map<string, number>
  /** Ended changes, kept briefly: an end can overtake its begin when two bridges carry both. */
  ended: Map<string, number>
  entries: Map<string, Entry>
  listeners: Set<Listener>
}

// The counters live in a closure rather than on a plain object: test runners that freeze or
// wrap globals between files cannot interfere with them.
function createStore(): Store {
  let version = 0
  return {
    version: () => version,
    bump() {
      version += 1
    },
    open: new Map(),
    ended: new Map(),
    entries: new Map(),
    listeners: new Set(),
  }
}

// Next may bundle this module more than once (the /graphql route and the admin's hooks), and
// they must share one cache, so the store hangs off a process-wide symbol.
const KEY = Symbol.for('haven.graphql.responseCache')
const holder = globalThis as typeof globalThis & { [KEY]?: Store }
const state: Store = (holder[KEY] ??= createStore())

/**
 * The longest a change stays open without its end: longer than any save's transaction should
 * take. Past it caching resumes, and the content check and the entry TTL bound what is served.
 */
export const MAX_OPEN_MS = 30_000

const MAX_ENTRY_BYTES = 1024 * 1024

export function responseCacheEnabled(): boolean {
  return process.env.HAVEN_API_RESPONSE_CACHE !== 'off'
}

const ttlMs = () => {
  const seconds = Number(process.env.HAVEN_API_CACHE_TTL_SECONDS ?? 60)
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : 60) * 1000
}

const maxEntries = () => Number(process.env.HAVEN_API_CACHE_MAX_ENTRIES ?? 1000) || 1000

/** The version a request saw when it started; it stores its response only if still current. */
export const cacheVersion = () => state.version()

export function getCached(key: string, now = Date.now()): CachedResponse | null {
  const entry = state.entries.get(key)
  if (!entry) return null
  if (entry.expires <= now) {
    state.entries.delete(key)
    return null
  }
  // Least recently used goes first when full: re-insert to move this key to the end.
  state.entries.delete(key)
  state.entries.set(key, entry)
  return entry.response
}

/**
 * Stores a public response computed while the cache version stayed `startedAt`, for at most
 * `maxAgeSeconds` and the configured TTL.
 */
export function setCached(
  key: string,
  response: CachedResponse,
  startedAt: number,
  maxAgeSeconds: number,
  now = Date.now(),
): boolean {
  if (startedAt !== state.version() || changeOpen(now)) return false
  if (response.body.length > MAX_ENTRY_BYTES) return false
  const lifetime = Math.min(maxAgeSeconds * 1000, ttlMs())
  if (lifetime <= 0) return false
  while (state.entries.size >= maxEntries()) {
    state.entries.delete(state.entries.keys().next().value!)
  }
  state.entries.set(key, { response, expires: now + lifetime })
  return true
}

/** True while a public change has begun and not yet ended (see InvalidationEvent). */
export function changeOpen(now = Date.now()): boolean {
  if (state.open.size === 0) return false
  for (const [id, until] of state.open) if (until <= now) state.open.delete(id)
  return state.open.size > 0
}

/**
 * Applies an invalidation here and hands it to the listeners (which tell the other processes).
 * Resolves once every listener's peers have applied it.
 */
export function applyInvalidation(event: InvalidationEvent, fromPeer = false): Promise<void> {
  const now = Date.now()
  for (const [id, at] of state.ended) if (at + MAX_OPEN_MS <= now) state.ended.delete(id)
  if (event.phase === 'begin' && !state.ended.has(event.id)) {
    state.open.set(event.id, now + MAX_OPEN_MS)
  } else if (event.phase === 'end') {
    state.open.delete(event.id)
    state.ended.set(event.id, now)
  }
  state.bump()
  state.entries.clear()
  const waits: Promise<void>[] = []
  for (const listener of state.listeners) {
    const wait = listener(event, fromPeer)
    if (wait) waits.push(wait)
  }
  return waits.length === 0 ? Promise.resolve() : Promise.all(waits).then(() => undefined)
}

/** Drops every entry and makes in-flight requests' results unstorable. */
export function invalidateResponseCache(reason: string): void {
  void applyInvalidation({ phase: 'now', id: '', reason })
}

/** Called on every invalidation (the bridges forward local ones to the other processes). */
export function onInvalidate(listener: Listener): () => void {
  state.listeners.add(listener)
  return () => state.listeners.delete(listener)
}
