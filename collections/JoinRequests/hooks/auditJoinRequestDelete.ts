import type { CollectionAfterDeleteHook } from 'payload'
import { readFlag } from '../../../src/lib/requestFlags'

import { recordAudit } from '../../../src/audit/recordAudit'

/** Records a person deleting a request; the retention job records its own summary instead. */
export const auditJoinRequestDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  if (readFlag(req, 'retention')) return
  await recordAudit(req, {
    action: 'join-request.delete',
    targetCollection: 'join-requests',
    targetId: id,
    summary: `Join request ${id} deleted`,
  })
}
