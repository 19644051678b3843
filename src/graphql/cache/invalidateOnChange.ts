import type { ContentChangeListener } from '../../contentChanges/types'
import { invalidateResponseCache } from './responseCache'

/** How long after a change nothing is cached, and when the second invalidation runs. */
export const SETTLE_MS = 1500

/**
 * Clears the public API's response cache when published content changes.
 *
 * This runs inside the save's transaction, before it commits. A query racing the commit could
 * still read the old rows, so the clear happens twice: now (which also stops requests already
 * running from storing what they read) and again after SETTLE_MS, by when the save has
 * committed; in between nothing is stored. A transaction slower than that is caught by the
 * content-version check (contentWatch.ts) within seconds and by the entry TTL at worst.
 */
export const invalidateOnChange: ContentChangeListener = async (change) => {
  const reason = `${change.operation} ${change.collection}/${change.id}`
  invalidateResponseCache(reason, SETTLE_MS)
  const timer = setTimeout(() => {
    pending.delete(timer)
    invalidateResponseCache(`${reason} (settled)`)
  }, SETTLE_MS)
  timer.unref()
  pending.add(timer)
}

const pending = new Set<ReturnType<typeof setTimeout>>()

/** Runs the pending second invalidations now (on shutdown, so no timer outlives the server). */
export function flushPendingInvalidations(): void {
  if (pending.size === 0) return
  for (const timer of pending) clearTimeout(timer)
  pending.clear()
  invalidateResponseCache('shutdown')
}
