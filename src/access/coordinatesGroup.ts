import type { PayloadRequest, Where } from 'payload'

import { hasRole } from './roles'
import { idOf } from '../lib/ids'

type MaybeUser = PayloadRequest['user'] | null | undefined
type GroupRef = string | number | { id?: unknown } | null | undefined

// One lookup per group per request: a list of 100 groups read by a coordinator asks once each.
const storedCoordinators = new WeakMap<PayloadRequest, Map<string, Promise<string[] | null>>>()

function coordinatorsOf(req: PayloadRequest, id: string): Promise<string[] | null> {
  let perRequest = storedCoordinators.get(req)
  if (!perRequest) storedCoordinators.set(req, (perRequest = new Map()))
  let pending = perRequest.get(id)
  if (!pending) {
    pending = req.payload.db
      .findOne({ collection: 'support-groups', where: { id: { equals: id } }, req })
      .then((stored) => {
        if (!stored) return null
        const list = (stored as { coordinators?: unknown }).coordinators
        return (Array.isArray(list) ? list : []).map(idOf).filter((c): c is string => c !== null)
      })
      // A malformed id is an unknown group, and an unknown group is nobody's.
      .catch(() => null)
    perRequest.set(id, pending)
  }
  return pending
}

/**
 * THE membership rule: may this request's user see and change the private side of this group
 * (address, meeting link, contact, notes, its join requests, draft previews)? Admins always;
 * a coordinator only when the STORED group lists them, looked up by id whatever the document at
 * hand carries (a caller's `select`, or an old version's list, must not decide). A group without
 * coordinators is admin-only. Without a group id (e.g. Payload checking a where/sort path before
 * any document is read) the answer is no for everyone but admins.
 */
export async function coordinatesGroup(req: PayloadRequest, group: GroupRef): Promise<boolean> {
  const user = req.user
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'coordinator')) return false
  const id = idOf(group)
  if (!id) return false
  const coordinators = await coordinatorsOf(req, id)
  return coordinators?.includes(String(user.id)) ?? false
}

/**
 * The same rule as a query, for lists and bulk operations: `true` for admins, the groups listing
 * the user for coordinators (`prefix` reaches the group through a relationship, e.g. `group.`),
 * nothing for anyone else.
 */
export function coordinatedGroupsWhere(user: MaybeUser, prefix = ''): boolean | Where {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'coordinator')) return false
  return { [`${prefix}coordinators`]: { in: [user.id] } }
}

/**
 * The ids of the stored groups that list this coordinator, for rules that must name them up
 * front (version history, whose documents do not carry their group's id).
 */
export async function coordinatedGroupIds(req: PayloadRequest): Promise<Array<string | number>> {
  const user = req.user
  if (!user || !hasRole(user, 'coordinator')) return []
  const { docs } = await req.payload.find({
    collection: 'support-groups',
    where: { coordinators: { in: [user.id] } },
    overrideAccess: true,
    depth: 0,
    pagination: false,
    select: { name: true },
    req,
  })
  return docs.map((d) => d.id)
}

// One lookup per version content per request: a list of versions asks once for each.
const storedVersionGroups = new WeakMap<PayloadRequest, Map<string, Promise<unknown[]>>>()

function groupsOfVersion(req: PayloadRequest, createdAt: string, updatedAt: string) {
  let perRequest = storedVersionGroups.get(req)
  if (!perRequest) storedVersionGroups.set(req, (perRequest = new Map()))
  const key = `${createdAt}|${updatedAt}`
  let pending = perRequest.get(key)
  if (!pending) {
    pending = req.payload.db
      .findVersions({
        collection: 'support-groups',
        where: {
          and: [
            { 'version.createdAt': { equals: createdAt } },
            { 'version.updatedAt': { equals: updatedAt } },
          ],
        },
        pagination: false,
        req,
      })
      .then(({ docs }) => docs.map((v) => v.parent))
      .catch(() => [])
    perRequest.set(key, pending)
  }
  return pending
}

/**
 * The membership rule for a version's content, which Payload hands to field rules without the
 * version's id or its group. The stored versions are found by the two timestamps every saved
 * content carries (the group's creation and that save), and each group they belong to must pass
 * the rule: a content crafted to collide with another group's can only add groups that must all
 * pass, never take one away. Content without both timestamps (e.g. a `select` that left them
 * out) matches nothing, so only admins see its private side.
 */
export async function coordinatesGroupOfVersion(
  req: PayloadRequest,
  content: { createdAt?: unknown; updatedAt?: unknown },
): Promise<boolean> {
  const user = req.user
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'coordinator')) return false
  const { createdAt, updatedAt } = content
  if (typeof createdAt !== 'string' || typeof updatedAt !== 'string') return false
  const parents = await groupsOfVersion(req, createdAt, updatedAt)
  if (parents.length === 0) return false
  const answers = await Promise.all(parents.map((p) => coordinatesGroup(req, p as GroupRef)))
  return answers.every(Boolean)
}
