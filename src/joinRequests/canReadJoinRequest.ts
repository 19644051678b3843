import type { Access, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'

/**
 * Admins, and coordinators of the request's group. A group with no coordinators listed has its
 * requests read by admins only: a join request is too personal to go to every coordinator.
 */
export const joinRequestAccess: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'coordinator')) return false
  return { 'group.coordinators': { in: [user.id] } }
}

const idOf = (v: unknown) => String(v && typeof v === 'object' ? (v as { id: unknown }).id : v)

/**
 * The same rule for one stored request, checked again before decrypting: the Local API skips
 * collection access by default, and decryption must not depend on every caller remembering.
 */
export async function mayReadJoinRequest(req: PayloadRequest, group: unknown): Promise<boolean> {
  const user = req.user
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'coordinator') || group == null) return false
  const stored = (await req.payload.db.findOne({
    collection: 'support-groups',
    where: { id: { equals: idOf(group) } },
    req,
  })) as { coordinators?: unknown[] } | null
  return (stored?.coordinators ?? []).some((c) => idOf(c) === String(user.id))
}
