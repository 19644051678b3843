import type { Payload } from 'payload'

import { eventTypeFor, mergeChanges } from './events'
import {
  byId,
  claim,
  DELIVERIES,
  endpointIdOf,
  findRows,
  release,
  type DeliveryRow,
} from './outbox'

const MAX_FOLD = 500
const FOLD_LEASE_MS = 30_000

/**
 * Closes one endpoint's coalescing window: every row still collecting for the endpoint is folded
 * into the oldest, which becomes a single pending delivery listing each changed item once.
 * Re-running after a crash at any step gives the same result (folded rows point at the leader).
 */
export async function foldWindow(
  payload: Payload,
  leader: DeliveryRow,
  now: Date,
): Promise<boolean> {
  const mine = await claim(payload, leader, {
    dueAt: new Date(now.getTime() + FOLD_LEASE_MS).toISOString(),
  })
  if (!mine) return false
  const others = await findRows(
    payload,
    {
      and: [
        { endpoint: { equals: endpointIdOf(leader) } },
        { status: { equals: 'collecting' } },
        { id: { not_equals: leader.id } },
      ],
    },
    MAX_FOLD,
  )
  for (const other of others) {
    await payload.db.updateOne({
      collection: DELIVERIES,
      where: {
        and: [
          byId(other.id),
          { claimToken: { equals: other.claimToken } },
          { status: { equals: 'collecting' } },
        ],
      },
      data: { status: 'merged', mergedInto: String(leader.id) },
    })
  }
  const folded = await findRows(payload, { mergedInto: { equals: String(leader.id) } })
  const changes = mergeChanges([
    ...(leader.changes ?? []),
    ...folded.flatMap((row) => row.changes ?? []),
  ])
  const done = await release(payload, mine, {
    status: 'pending',
    changes,
    eventType: eventTypeFor(changes),
    eventAt: now.toISOString(),
    dueAt: now.toISOString(),
  })
  if (done) {
    await payload.db.deleteMany({
      collection: DELIVERIES,
      where: { mergedInto: { equals: String(leader.id) } },
    })
  }
  return Boolean(done)
}
