import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/**
 * Admins and coordinators create groups. A coordinator's new group lists exactly them as its
 * coordinator (guardGroupMembership), so creating never hands anyone else's group to them.
 */
export const canCreateGroup: Access = ({ req: { user } }) => hasRole(user, 'admin', 'coordinator')

/** The same for fields that may be filled in when the group is created. */
export const canCreateGroupField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'coordinator')
