import type { CollectionAfterDeleteHook } from 'payload'

import { recordAudit } from '../../../src/audit/recordAudit'

/** Records a person deleting a request; the retention job records its own summary instead. */
export const auditJoinRequestDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  if (req.context?.retention) return
  await recordAudit(req, {
    action: 'join-request.delete',
    targetCollection: 'join-requests',
    targetId: id,
    summary: `Join request ${id} deleted`,
  })
}
