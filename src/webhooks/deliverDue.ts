import type { Payload, Where } from 'payload'

import { attemptDelivery } from './attemptDelivery'
import { foldWindow } from './foldWindow'
import { endpointIdOf, findRows, type DeliveryRow } from './outbox'

const BATCH = 50
const PARALLEL = 8

export type DeliverDueResult = { folded: number; attempted: number; nextDueAt?: Date }

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<boolean>) {
  let done = 0
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.all(items.slice(i, i + size).map(run))
    done += results.filter(Boolean).length
  }
  return done
}

/**
 * One pass of the webhook worker: close coalescing windows that are due, then attempt every
 * delivery that is due. Safe to run from several processes at once. Tests call it directly;
 * `now` lets them step over coalescing windows without sleeping.
 */
export async function deliverDue(
  payload: Payload,
  options: { now?: Date; limit?: number } = {},
): Promise<DeliverDueResult> {
  const now = options.now ?? new Date()
  const limit = options.limit ?? BATCH
  const due = (status: string): Where => ({
    and: [{ status: { equals: status } }, { dueAt: { less_than_equal: now.toISOString() } }],
  })

  const leaders = new Map<string, DeliveryRow>()
  for (const row of await findRows(payload, due('collecting'), limit)) {
    const key = String(endpointIdOf(row))
    if (!leaders.has(key)) leaders.set(key, row)
  }
  const folded = await inBatches([...leaders.values()], 1, (row) => foldWindow(payload, row, now))
  const pending = await findRows(payload, due('pending'), limit)
  const attempted = await inBatches(pending, PARALLEL, (row) => attemptDelivery(payload, row, now))

  const [next] = await findRows(payload, { status: { in: ['collecting', 'pending'] } }, 1)
  return { folded, attempted, nextDueAt: next ? new Date(next.dueAt) : undefined }
}
