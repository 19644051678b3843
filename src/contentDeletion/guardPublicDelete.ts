import type { CollectionBeforeDeleteHook, SanitizedCollectionConfig } from 'payload'

import { isReviewer } from '../access/roles'
import { RefusedSave } from '../review'
import { hasBeenPublic } from './hasBeenPublic'
import { deleteReasonFor } from './reason'

export function nounOf(collection: SanitizedCollectionConfig): string {
  const label = collection.labels?.singular
  return (typeof label === 'string' ? label : collection.slug).toLowerCase()
}

/**
 * Deleting something the public has seen is a reviewer's or an admin's act, with a reason given
 * through POST /api/<collection>/:id/delete. Runs for every way in (REST by id, REST with a
 * `where`, Payload's GraphQL, the admin's delete button), before anything is removed, so a
 * refused document in a bulk delete leaves nothing half-deleted. Server code with no user (seed,
 * retention jobs) is not an editor and passes.
 */
export const guardPublicDelete: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  if (!req.user) return
  if (!(await hasBeenPublic(req, collection, id))) return
  const noun = nounOf(collection)
  if (!isReviewer(req.user))
    throw new RefusedSave(
      `This ${noun} has been public, so only a reviewer or an admin may delete it.` +
        (collection.versions?.drafts ? ' Ask one, or unpublish it instead.' : ' Ask one.'),
      403,
    )
  if (!deleteReasonFor(req, id))
    throw new RefusedSave(
      `This ${noun} has been public, so deleting it needs a reason: ` +
        `POST /api/${collection.slug}/${id}/delete with {"reason": "…"}.`,
      400,
    )
}
