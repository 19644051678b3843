import type { Field, RelationshipFieldSingleValidation, Where } from 'payload'

import { canCreateGroupField } from '../../src/access/canCreateGroup'
import { isAdminField } from '../../src/access/isAdmin'
import { isStaffField } from '../../src/access/isStaff'
import { rawIdsOf } from '../../src/lib/ids'

/** Only these accounts can be picked: membership grants nothing to anyone else. */
export const COORDINATOR_ACCOUNTS: Where = { roles: { in: ['coordinator'] } }

/**
 * Listing an account without the coordinator role would look like a handover while granting
 * nothing (coordinatesGroup.ts asks for the role too), and its join-request emails would go to
 * someone who cannot open them. The picker offers coordinators only; this refuses the rest on
 * save with their names, whichever API the save came through.
 */
const onlyCoordinators = async (
  value: unknown,
  { req }: Parameters<RelationshipFieldSingleValidation>[1],
): Promise<string | true> => {
  const ids = rawIdsOf(Array.isArray(value) ? value : value == null ? [] : [value])
  if (ids.length === 0) return true
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    overrideAccess: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: { displayName: true, roles: true },
    req,
  })
  const byId = new Map(docs.map((u) => [String(u.id), u]))
  const refused = ids
    .map((id) => byId.get(String(id)))
    .filter((u) => !u?.roles?.includes('coordinator'))
  if (refused.length === 0) return true
  const names = refused.map((u) => (u ? `“${u.displayName}”` : 'an unknown account')).join(', ')
  return `Only accounts with the coordinator role can coordinate a group: ${names} ${
    refused.length === 1 ? 'does' : 'do'
  } not have it. Give the role on the user first, or pick someone else.`
}

export const coordinatorsField = (): Field => ({
  name: 'coordinators',
  type: 'relationship',
  relationTo: 'users',
  hasMany: true,
  filterOptions: () => COORDINATOR_ACCOUNTS,
  validate: onlyCoordinators as never,
  access: { read: isStaffField, create: canCreateGroupField, update: isAdminField },
  admin: {
    position: 'sidebar',
    description:
      'Who receives join requests and may see and edit the private details. Only accounts with the coordinator role are listed; only admins change it.',
  },
})
