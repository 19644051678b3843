import type { PayloadRequest } from 'payload'

const FINISHED = ['delivered', 'failed', 'cancelled', 'merged']

/** Days a finished delivery stays in the log: HAVEN_WEBHOOK_LOG_RETENTION_DAYS, default 30. */
export function deliveryLogRetentionDays(): number {
  const days = Number(process.env.HAVEN_WEBHOOK_LOG_RETENTION_DAYS || 30)
  return Number.isFinite(days) && days > 0 ? days : 30
}

/**
 * Deletes finished deliveries older than the retention period, so the outbox and its log do not
 * grow without end. Pending and collecting rows are never touched, whatever their age: they are
 * work still to do.
 */
export async function pruneDeliveries(req: PayloadRequest, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - deliveryLogRetentionDays() * 24 * 60 * 60 * 1000)
  const { docs } = await req.payload.delete({
    collection: 'webhook-deliveries',
    where: {
      and: [{ status: { in: FINISHED } }, { eventAt: { less_than: cutoff.toISOString() } }],
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return docs.length
}
