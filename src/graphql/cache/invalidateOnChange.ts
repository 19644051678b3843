import crypto from 'node:crypto'

import type { ContentChangeListener } from '../../contentChanges/types'
import { afterCommit } from '../../db/afterCommit'
import { applyInvalidation } from './responseCache'

/**
 * Clears the public API's caches, in every process, around a public change's commit.
 *
 * This runs inside the save's transaction, before it commits, so a read racing the commit can
 * still see the old rows. Two phases close that race (see InvalidationEvent):
 *  - now, `begin`: every process drops its cached answers and stores none while the change is
 *    open. The save waits until the other processes have acknowledged it, so from the commit on,
 *    any process answers from the database, never from before the change — the webhook sent
 *    after the commit included;
 *  - after the commit, `end`: every process drops again what it read while the change was open
 *    (it may be from before the commit) and starts storing again. Payload answers the save only
 *    after this too has been acknowledged.
 * Peers that do not answer within the bridge's timeout are logged and not waited for; the
 * content check (contentWatch.ts) and the entry TTL bound what they serve.
 */
export const invalidateOnChange: ContentChangeListener = async (change, req) => {
  const id = crypto.randomUUID()
  const reason = `${change.operation} ${change.collection}/${change.id}`
  await applyInvalidation({ phase: 'begin', id, reason })
  await afterCommit(req, () =>
    applyInvalidation({ phase: 'end', id, reason: `${reason} (committed)` }),
  )
}
