import type { CollectionAfterChangeHook } from 'payload'

import type { AuditAction } from '../actions'
import { recordAudit } from '../recordAudit'

type Review = { status?: string | null; approvedAt?: string | null; note?: string | null }

const ACTIONS: Record<string, AuditAction> = {
  'in-review': 'review.submit',
  approved: 'review.approve',
  'changes-requested': 'review.request-changes',
}

/** Records submissions for review, approvals and requests for changes. */
export const auditReviewChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const before = (previousDoc?.review ?? {}) as Review
  const after = (doc.review ?? {}) as Review
  const approvedNow = Boolean(after.approvedAt) && after.approvedAt !== before.approvedAt
  const status = approvedNow ? 'approved' : after.status
  if (!status || (!approvedNow && status === before.status)) return doc
  const action = ACTIONS[status]
  if (!action) return doc
  await recordAudit(req, {
    action,
    targetCollection: collection.slug,
    targetId: doc.id,
    summary: `${action} “${doc.title ?? doc.id}”`,
    details: status === 'changes-requested' && after.note ? { note: after.note } : undefined,
  })
  return doc
}
