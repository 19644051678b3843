import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/**
 * Private support-group fields (address, meeting link, facilitator contact, notes): admins, and
 * coordinators. A coordinator reads them for the groups they coordinate; with no document at
 * hand (a list query) Payload asks per document, so `doc` is present whenever data is returned.
 */
export const canReadPrivateGroupFields: FieldAccess = ({ req: { user }, doc }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'coordinator')) return false
  const coordinators = (doc?.coordinators ?? []) as Array<string | number | { id: string | number }>
  if (coordinators.length === 0) return true
  return coordinators.some((c) => String(typeof c === 'object' ? c.id : c) === String(user.id))
}
