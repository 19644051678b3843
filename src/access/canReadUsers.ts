import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Editors, reviewers and admins pick authors, reviewers and coordinators, so they read staff
 * accounts. A coordinator only runs their groups: they read their own account and no one else's
 * (not even through a group's populated `coordinators`).
 */
export const canReadUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin') || hasRole(user, 'editor') || hasRole(user, 'reviewer')) return true
  return { id: { equals: user.id } }
}
