import type { PayloadRequest } from 'payload'

import type { AuditAction } from './actions'
import { recordAudit } from './recordAudit'

type Review = { status?: string | null; approvedAt?: string | null; note?: string | null }

const ACTIONS: Record<string, AuditAction> = {
  'in-review': 'review.submit',
  approved: 'review.approve',
  'changes-requested': 'review.request-changes',
}

/** Records one review transition (submission, approval, request for changes), if any. */
export async function auditReviewTransition(
  req: PayloadRequest,
  target: {
    targetCollection: string
    targetId: string | number
    title: string
    before: unknown
    after: unknown
  },
): Promise<void> {
  const before = (target.before ?? {}) as Review
  const after = (target.after ?? {}) as Review
  const approvedNow = Boolean(after.approvedAt) && after.approvedAt !== before.approvedAt
  const status = approvedNow ? 'approved' : after.status
  if (!status || (!approvedNow && status === before.status)) return
  const action = ACTIONS[status]
  if (!action) return
  await recordAudit(req, {
    action,
    targetCollection: target.targetCollection,
    targetId: target.targetId,
    summary: `${action} “${target.title}”`,
    details: status === 'changes-requested' && after.note ? { note: after.note } : undefined,
  })
}
