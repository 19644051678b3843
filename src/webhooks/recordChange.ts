import type { ContentChangeListener } from '../contentChanges/types'
import { eventTypeFor, isSubscribed, toWebhookChange } from './events'
import { newClaimToken, newWebhookId } from './ids'
import { wakeWebhookWorker } from './worker'

/**
 * The outbox writer. For each active endpoint subscribed to the change it inserts a `collecting`
 * delivery row through `req`, so the row commits or rolls back with the content save itself;
 * the worker only ever sees changes that were committed. Insert-only on purpose: concurrent
 * saves never contend for one row, and the worker folds them together when the window closes.
 */
export const recordWebhookChange: ContentChangeListener = async (contentChange, req) => {
  const change = toWebhookChange(contentChange)
  const { docs: endpoints } = await req.payload.find({
    collection: 'webhook-endpoints',
    where: { active: { equals: true } },
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const now = Date.now()
  for (const endpoint of endpoints) {
    if (!isSubscribed(endpoint.subscriptions, change)) continue
    const windowMs = (endpoint.coalesceSeconds ?? 0) * 1000
    const dueAt = now + windowMs
    await req.payload.create({
      collection: 'webhook-deliveries',
      data: {
        endpoint: endpoint.id,
        // Without a window each change is its own delivery: nothing may fold it into another.
        status: windowMs > 0 ? 'collecting' : 'pending',
        ...(windowMs > 0 ? {} : { eventAt: new Date(now).toISOString() }),
        eventType: eventTypeFor([change]),
        webhookId: newWebhookId(),
        changes: [change],
        dueAt: new Date(dueAt).toISOString(),
        claimToken: newClaimToken(),
      },
      depth: 0,
      req,
      overrideAccess: true,
    })
    wakeWebhookWorker(req.payload, dueAt)
  }
}
