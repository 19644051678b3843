import type { CollectionSlug, Payload } from 'payload'

import { invalidateResponseCache } from './responseCache'

// Everything a public response is built from. Users are here because author profiles are shown
// and user saves announce no content change.
const WATCHED: CollectionSlug[] = ['articles', 'topics', 'support-groups', 'media', 'users']

/**
 * A cheap summary of the stored content: per collection, how many rows and the latest
 * updatedAt. Any publish, edit or delete, by this instance or another one sharing the database,
 * changes it.
 */
export async function storedContentSummary(payload: Payload): Promise<string> {
  const parts = await Promise.all(
    WATCHED.map(async (collection) => {
      const res = await payload.find({
        collection,
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        select: { updatedAt: true },
      })
      return `${collection}:${res.totalDocs}:${(res.docs[0] as { updatedAt?: string })?.updatedAt}`
    }),
  )
  const crisis = await payload.findGlobal({
    slug: 'crisis-resources',
    depth: 0,
    overrideAccess: true,
    select: { updatedAt: true } as never,
  })
  return [...parts, `crisis:${(crisis as { updatedAt?: string }).updatedAt}`].join('|')
}

/**
 * Polls the fingerprint every `intervalMs` and clears the response cache when it moves. This is
 * what keeps several instances correct without Redis, and it backs up the in-process listener
 * for saves whose commit outlasted its settle window. Returns a stop function, which also
 * carries `check` to run a comparison at once.
 */
export function watchContent(
  payload: Payload,
  intervalMs: number,
): (() => void) & { check: () => Promise<void> } {
  let last: string | null = null
  let running = false
  const check = async () => {
    if (running) return
    running = true
    try {
      const next = await storedContentSummary(payload)
      if (last !== null && next !== last) invalidateResponseCache('content fingerprint changed')
      last = next
    } catch (error) {
      payload.logger.warn({ err: error }, 'GraphQL cache: content check failed')
    } finally {
      running = false
    }
  }
  const baseline = check() // at once, so a change right after start is not missed
  const timer = setInterval(check, intervalMs)
  timer.unref()
  return Object.assign(() => clearInterval(timer), {
    check: async () => {
      await baseline
      await check()
    },
  })
}
