export type CachedResponse = { status: number; headers: Record<string, string>; body: string }

type Entry = { response: CachedResponse; expires: number }

type Listener = (reason: string, fromPeer: boolean) => void

type Store = {
  version(): number
  bump(settleMs: number): void
  /** Until this time nothing is stored: a save announced its change but may not have committed. */
  settlingUntil(): number
  entries: Map<string, Entry>
  listeners: Set<Listener>
}

// The counters live in a closure rather than on a plain object: test runners that freeze or
// wrap globals between files cannot interfere with them.
function createStore(): Store {
  let version = 0
  let settlingUntil = 0
  return {
    version: () => version,
    settlingUntil: () => settlingUntil,
    bump(settleMs) {
      version += 1
      if (settleMs > 0) settlingUntil = Math.max(settlingUntil, Date.now() + settleMs)
    },
    entries: new Map(),
    listeners: new Set(),
  }
}

// Next may bundle this module more than once (the /graphql route and the admin's hooks), and
// they must share one cache, so the store hangs off a process-wide symbol.
const KEY = Symbol.for('haven.graphql.responseCache')
const holder = globalThis as typeof globalThis & { [KEY]?: Store }
const state: Store = (holder[KEY] ??= createStore())

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
  if (startedAt !== state.version() || now < state.settlingUntil()) return false
  if (response.body.length > MAX_ENTRY_BYTES) return false
  const lifetime = Math.min(maxAgeSeconds * 1000, ttlMs())
  if (lifetime <= 0) return false
  while (state.entries.size >= maxEntries()) {
    state.entries.delete(state.entries.keys().next().value!)
  }
  state.entries.set(key, { response, expires: now + lifetime })
  return true
}

/** Drops every entry and makes in-flight requests' results unstorable. */
export function invalidateResponseCache(reason: string, settleMs = 0, fromPeer = false): void {
  state.bump(settleMs)
  state.entries.clear()
  for (const listener of state.listeners) listener(reason, fromPeer)
}

/** Called on every invalidation (the Redis bridge forwards local ones to other instances). */
export function onInvalidate(listener: Listener): () => void {
  state.listeners.add(listener)
  return () => state.listeners.delete(listener)
}
