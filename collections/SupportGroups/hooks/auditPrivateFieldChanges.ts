import type { CollectionAfterChangeHook } from 'payload'
import type { SupportGroup } from '../../../src/payload-types'

import { recordAudit } from '../../../src/audit/recordAudit'

type Tree = Record<string, unknown> | null | undefined

// A checkbox's default false and an empty text are not changes from "never set".
const blankToNull = (v: unknown) => (v === undefined || v === '' || v === false ? null : v)

function changedPaths(before: Tree, after: Tree, prefix = 'private'): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys].flatMap((key) => {
    const a = before?.[key]
    const b = after?.[key]
    const path = `${prefix}.${key}`
    const nested = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
    if (nested(a) || nested(b)) return changedPaths(a as Tree, b as Tree, path)
    return JSON.stringify(blankToNull(a)) === JSON.stringify(blankToNull(b)) ? [] : [path]
  })
}

const memberIds = (v: unknown) =>
  (Array.isArray(v) ? v : [])
    .map((c) => String(c !== null && typeof c === 'object' ? (c as { id: unknown }).id : c))
    .sort()

/**
 * Records which private fields of a support group changed, and who changed them; not the values.
 * A change of coordinators (who may read those fields) is named the same way, and turning on the
 * meeting link's publication in the public feed says so in the summary, because it is the one
 * private value that then leaves Haven.
 */
export const auditPrivateFieldChanges: CollectionAfterChangeHook<SupportGroup> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const before: Partial<SupportGroup> = operation === 'create' ? {} : (previousDoc ?? {})
  const fields = changedPaths(before.private as Tree, doc.private as Tree).filter(
    (p) => p !== 'private.id',
  )
  const membersBefore = memberIds(before.coordinators)
  const membersAfter = memberIds(doc.coordinators)
  if (operation !== 'create' && JSON.stringify(membersBefore) !== JSON.stringify(membersAfter)) {
    fields.unshift('coordinators')
  }
  if (fields.length === 0) return doc
  const linkPublic = (d: { private?: { meetingLinkIsPublic?: unknown } | null }) =>
    d?.private?.meetingLinkIsPublic === true
  const feed =
    fields.includes('private.meetingLinkIsPublic') &&
    linkPublic(doc) !== linkPublic(before as typeof doc)
      ? linkPublic(doc)
        ? 'published in'
        : 'withdrawn from'
      : null
  await recordAudit(req, {
    action: 'group.private-change',
    targetCollection: 'support-groups',
    targetId: doc.id,
    summary:
      (feed ? `Meeting link ${feed} the public meeting feed. ` : '') +
      `Private details changed: ${fields.join(', ')}`,
    details: feed ? { fields, meetingLinkInFeed: feed === 'published in' } : { fields },
  })
  return doc
}
