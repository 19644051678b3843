import type { Payload, Where } from 'payload'

import type { WebhookDelivery } from '../payload-types'
import type { WebhookChange } from './events'
import { newClaimToken } from './ids'

export const DELIVERIES = 'webhook-deliveries' as const

export type AttemptEntry = {
  attempt: number
  at: string
  statusCode?: number | null
  durationMs?: number | null
  error?: string | null
  response?: string | null
}

/**
 * A delivery row as the worker reads it: the generated type, with what it cannot know: ids of
 * either adapter (numbers on SQL, strings on MongoDB) and the shapes stored in its JSON and array
 * fields.
 */
export type DeliveryRow = Omit<WebhookDelivery, 'id' | 'endpoint' | 'changes' | 'attempts'> & {
  id: string | number
  endpoint: string | number | { id: string | number }
  changes?: WebhookChange[] | null
  attempts?: AttemptEntry[] | null
}

export const endpointIdOf = (row: DeliveryRow) =>
  typeof row.endpoint === 'object' ? row.endpoint.id : row.endpoint

export const byId = (id: string | number): Where => ({ id: { equals: id } })

/**
 * Optimistic claim: swap the row's claim token and push its dueAt past the work about to be
 * done. payload.db.updateOne with a `where` is a single conditional UPDATE (findOneAndUpdate on
 * MongoDB), so of two workers racing for a row exactly one wins. A worker that dies holding a
 * row loses nothing: the row simply becomes due again when the lease runs out.
 */
export async function claim(payload: Payload, row: DeliveryRow, data: Record<string, unknown>) {
  const claimToken = newClaimToken()
  const won = await payload.db.updateOne({
    collection: DELIVERIES,
    where: { and: [byId(row.id), { claimToken: { equals: row.claimToken } }] },
    data: { ...data, claimToken },
  })
  return won ? { ...row, ...data, claimToken } : null
}

/**
 * Writes to a row this worker holds, keeping the claim. Anything that must be written once per
 * claim (a log entry) goes here after the claim is won, not into the claim itself: a `$push`
 * in the claim's update is applied by every racer on the SQL adapters, winner or not.
 */
export async function amendClaimed(
  payload: Payload,
  row: DeliveryRow,
  data: Record<string, unknown>,
) {
  return payload.db.updateOne({
    collection: DELIVERIES,
    where: { and: [byId(row.id), { claimToken: { equals: row.claimToken } }] },
    data,
  })
}

export async function release(payload: Payload, row: DeliveryRow, data: Record<string, unknown>) {
  return payload.db.updateOne({
    collection: DELIVERIES,
    where: { and: [byId(row.id), { claimToken: { equals: row.claimToken } }] },
    data: { ...data, claimToken: newClaimToken() },
  })
}

export async function findRows(payload: Payload, where: Where, limit = 0): Promise<DeliveryRow[]> {
  const { docs } = await payload.db.find({
    collection: DELIVERIES,
    where,
    sort: 'dueAt',
    limit,
    pagination: false,
  })
  return docs as unknown as DeliveryRow[]
}
