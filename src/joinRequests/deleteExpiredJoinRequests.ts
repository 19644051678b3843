import type { PayloadRequest } from 'payload'
import { requestFlags } from '../lib/requestFlags'

import { recordAudit } from '../audit/recordAudit'
import { retentionDays } from './settings'

/** Deletes join requests older than the retention period; returns how many went. */
export async function deleteExpiredJoinRequests(req: PayloadRequest, now = new Date()) {
  const days = retentionDays()
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString()
  const { docs, errors } = await req.payload.delete({
    collection: 'join-requests',
    where: { createdAt: { less_than: cutoff } },
    overrideAccess: true,
    depth: 0,
    req,
    context: requestFlags({ retention: true }),
  })
  if (errors.length > 0)
    throw new Error(`Retention: ${errors.length} join requests could not be deleted; will retry.`)
  if (docs.length > 0)
    await recordAudit(req, {
      action: 'join-request.delete',
      targetCollection: 'join-requests',
      targetId: '*',
      summary: `Retention: ${docs.length} join requests older than ${days} days deleted`,
      details: { count: docs.length, ids: docs.map((d) => String(d.id)), retentionDays: days },
    })
  return docs.length
}
