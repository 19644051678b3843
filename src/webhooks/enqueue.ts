import type { Payload } from 'payload'

import type { WebhookEndpoint } from '../payload-types'
import { REBUILD_EVENT, TEST_EVENT } from './events'
import { newClaimToken, newWebhookId } from './ids'
import { wakeWebhookWorker } from './worker'

type Queued = { deliveryId: string | number }

async function enqueue(
  payload: Payload,
  endpointId: WebhookEndpoint['id'],
  eventType: string,
  extra: Record<string, unknown> = {},
): Promise<Queued> {
  const now = new Date()
  const row = await payload.create({
    collection: 'webhook-deliveries',
    data: {
      endpoint: endpointId,
      status: 'pending',
      eventType,
      webhookId: newWebhookId(),
      changes: [],
      eventAt: now.toISOString(),
      dueAt: now.toISOString(),
      claimToken: newClaimToken(),
      ...extra,
    },
    depth: 0,
    overrideAccess: true,
  })
  wakeWebhookWorker(payload, now.getTime())
  return { deliveryId: row.id }
}

/** "Send test event": a `webhook.test` delivery now, bypassing subscriptions and the window. */
export async function sendTestEvent(payload: Payload, endpointId: string | number) {
  const endpoint = await payload.findByID({
    collection: 'webhook-endpoints',
    id: endpointId,
    depth: 0,
    disableErrors: true,
  })
  if (!endpoint) return null
  return enqueue(payload, endpoint.id, TEST_EVENT)
}

/** "Rebuild now": one delivery to every active build hook. Returns how many were queued. */
export async function rebuildNow(payload: Payload): Promise<number> {
  const { docs } = await payload.find({
    collection: 'webhook-endpoints',
    where: { and: [{ active: { equals: true } }, { mode: { equals: 'build-hook' } }] },
    pagination: false,
    depth: 0,
  })
  for (const endpoint of docs) await enqueue(payload, endpoint.id, REBUILD_EVENT)
  return docs.length
}

/**
 * "Redeliver": a new delivery of the same message (same webhook-id, so receivers that already
 * processed it can recognise it), with its own attempts and a fresh retry schedule.
 */
export async function redeliver(payload: Payload, deliveryId: string | number) {
  const original = await payload.findByID({
    collection: 'webhook-deliveries',
    id: deliveryId,
    depth: 0,
    disableErrors: true,
  })
  if (!original) return { error: 'No such delivery.', status: 404 } as const
  if (original.status === 'merged' || original.status === 'collecting') {
    return { error: 'This delivery has not been sent yet.', status: 409 } as const
  }
  const endpointId =
    typeof original.endpoint === 'object' ? original.endpoint.id : original.endpoint
  return enqueue(payload, endpointId, original.eventType ?? TEST_EVENT, {
    webhookId: original.webhookId,
    changes: original.changes ?? [],
    eventAt: original.eventAt ?? new Date().toISOString(),
    redeliveryOf: original.id,
  })
}
