import type { FieldAccess } from 'payload'

import { coordinatesGroup, readsOnlyOwnGroupVersions } from './coordinatesGroup'

/**
 * Read and update of a group's `private` details follow the membership rule for the stored group
 * (`doc.id` on reads, `id` on updates). Payload also asks with no document at all before it
 * filters or sorts on a private path; that finds no id, so only admins may filter or sort there.
 * A version's content carries no id either: it is readable when canReadGroupVersions limited the
 * request's versions to groups the caller coordinates now.
 */
export const privateGroupFieldAccess: FieldAccess = ({ req, doc, id }) => {
  const groupId = (doc as { id?: unknown } | undefined)?.id ?? id
  if (groupId === undefined && doc && readsOnlyOwnGroupVersions(req)) return true
  return coordinatesGroup(req, groupId as string | number | undefined)
}
