import type { FieldAccess } from 'payload'

import { coordinatesGroup } from './coordinatesGroup'

/**
 * Read and update of a group's `private` details follow the membership rule for the stored group
 * (`doc.id` on reads, `id` on updates). Payload also asks with no document at all before it
 * filters or sorts on a private path; that finds no id, so only admins may filter or sort there.
 */
export const privateGroupFieldAccess: FieldAccess = ({ req, doc, id }) =>
  coordinatesGroup(req, (doc as { id?: unknown } | undefined)?.id ?? id)
