import type { Access, PayloadRequest } from 'payload'

import { coordinatedGroupsWhere, coordinatesGroup } from '../access/coordinatesGroup'

/**
 * Join requests follow their group's membership rule (src/access/coordinatesGroup.ts): admins,
 * and the coordinators the stored group lists. A group with no coordinators has its requests
 * read by admins only: a join request is too personal to go to every coordinator.
 */
export const joinRequestAccess: Access = ({ req: { user } }) =>
  coordinatedGroupsWhere(user, 'group.')

/**
 * The same rule for one stored request, checked again before decrypting: the Local API skips
 * collection access by default, and decryption must not depend on every caller remembering.
 */
export async function mayReadJoinRequest(req: PayloadRequest, group: unknown): Promise<boolean> {
  return coordinatesGroup(req, group as Parameters<typeof coordinatesGroup>[1])
}
