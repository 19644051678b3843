import type { Access } from 'payload'

import { coordinatedGroupIds } from './coordinatesGroup'
import { hasRole } from './roles'

/**
 * A group's history follows its CURRENT membership: a coordinator reads the versions of the
 * groups that list them now (whatever an old version listed), and nothing else. Other staff read
 * every version, with the private details stripped by the field rule.
 */
export const canReadGroupVersions: Access = async ({ req }) => {
  const user = req.user
  if (!user) return false
  if (hasRole(user, 'admin', 'editor', 'reviewer')) return true
  if (!hasRole(user, 'coordinator')) return false
  const ids = await coordinatedGroupIds(req)
  if (ids.length === 0) return false
  return { parent: { in: ids } }
}
