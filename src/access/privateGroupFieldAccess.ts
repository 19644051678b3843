import type { FieldAccess } from 'payload'

import { coordinatesGroup, coordinatesGroupOfVersion } from './coordinatesGroup'

type Stored = { id?: string | number; createdAt?: unknown; updatedAt?: unknown }

/**
 * Read and update of a group's `private` details follow the membership rule for the stored group
 * (`doc.id` on reads, `id` on updates). A version's content carries neither, so its stored
 * version rows name the group. Payload also asks with no document at all before it filters or
 * sorts on a private path; that finds no group, so only admins may filter or sort there. The
 * answer rests on stored data alone, whichever rule ran before this one.
 */
export const privateGroupFieldAccess: FieldAccess = ({ req, doc, id }) => {
  const stored = doc as Stored | undefined
  const groupId = stored?.id ?? id
  if (groupId === undefined && stored) return coordinatesGroupOfVersion(req, stored)
  return coordinatesGroup(req, groupId)
}
