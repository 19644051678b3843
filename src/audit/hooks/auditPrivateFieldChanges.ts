import type { CollectionAfterChangeHook } from 'payload'

import { recordAudit } from '../recordAudit'

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

/** Records which private fields of a support group changed, and who changed them; not the values. */
export const auditPrivateFieldChanges: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const fields = changedPaths(
    operation === 'create' ? {} : (previousDoc?.private as Tree),
    doc.private as Tree,
  ).filter((p) => p !== 'private.id')
  if (fields.length === 0) return doc
  await recordAudit(req, {
    action: 'group.private-change',
    targetCollection: 'support-groups',
    targetId: doc.id,
    summary: `Private details changed: ${fields.join(', ')}`,
    details: { fields },
  })
  return doc
}
