import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { coordinatesGroup } from '../../../src/access/coordinatesGroup'
import { hasRole } from '../../../src/access/roles'
import { idOf } from '../../../src/lib/ids'

/**
 * A 403 that says why. Named like Payload's Forbidden so it is logged the same way: one info
 * line, no stack trace, as the expected refusal it is.
 */
class MembershipRefusal extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    this.name = 'Forbidden'
  }
}

const ADMINS_ONLY = "Only admins change a group's coordinators."

const sameMembers = (a: unknown, b: unknown) => {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(idOf).sort() : [])
  return JSON.stringify(list(a)) === JSON.stringify(list(b))
}

const storedGroup = (req: PayloadRequest, id: unknown) =>
  req.payload.db
    .findOne({ collection: 'support-groups', where: { id: { equals: id } }, req })
    .catch(() => null) as Promise<{ coordinators?: unknown } | null>

/** Restoring writes the version's fields as they were, coordinators included, past field access. */
async function refuseMembershipRestore(req: PayloadRequest, versionId: unknown) {
  const found = await req.payload.db
    .findVersions({
      collection: 'support-groups',
      where: { id: { equals: versionId } },
      limit: 1,
      req,
    })
    .catch(() => null)
  const version = found?.docs[0] as { parent?: unknown; version?: { coordinators?: unknown } }
  if (!version) return // Payload answers an unknown version itself
  const current = await storedGroup(req, version.parent)
  if (!sameMembers(version.version?.coordinators, current?.coordinators)) {
    throw new MembershipRefusal(
      `${ADMINS_ONLY} This version lists other coordinators, so only an admin can restore it.`,
    )
  }
}

/**
 * Membership is admin business. Field access alone would drop a coordinator's change to
 * `coordinators` silently; this refuses it with a 403 that says why, and pins a coordinator's new
 * group to them. Unchanged values pass, because the admin form sends every field on each save.
 */
export const guardGroupMembership: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const a = args as {
    data?: Record<string, unknown>
    duplicateFromID?: string | number
    id?: string | number
    overrideAccess?: boolean
  }
  // Server code passing overrideAccess (seed, import, jobs) is trusted; REST and GraphQL never are.
  if (a.overrideAccess === true || hasRole(req.user, 'admin')) return args
  if (operation === 'restoreVersion') {
    await refuseMembershipRestore(req, a.id)
    return args
  }
  if (operation !== 'create' && operation !== 'update') return args
  const data = (a.data ??= {})
  if (typeof data !== 'object') return args
  if (operation === 'create') {
    // Payload copies the source group with access overridden, private details included.
    if (a.duplicateFromID !== undefined && !(await coordinatesGroup(req, a.duplicateFromID))) {
      throw new MembershipRefusal('You can duplicate only the groups you coordinate.')
    }
    const self = req.user?.id
    if (
      'coordinators' in data &&
      data.coordinators != null &&
      !sameMembers(data.coordinators, [self])
    ) {
      throw new MembershipRefusal(`${ADMINS_ONLY} A group you create lists you as its coordinator.`)
    }
    if (self !== undefined) data.coordinators = [self]
    return args
  }
  if (operation === 'update' && 'coordinators' in data) {
    const stored = a.id !== undefined ? await storedGroup(req, a.id) : null
    if (
      !stored ||
      !sameMembers(data.coordinators, (stored as { coordinators?: unknown }).coordinators)
    ) {
      throw new MembershipRefusal(ADMINS_ONLY)
    }
  }
  return args
}
