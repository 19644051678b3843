import type { Payload, Where } from 'payload'

import { attemptDelivery } from './attemptDelivery'
import { foldWindow } from './foldWindow'
import { endpointIdOf, findRows, type DeliveryRow } from './outbox'

const BATCH = 50
/** Endpoints served at once; each endpoint has one lane, so one slow receiver holds only its own. */
const MAX_LANES = 32

export type DeliverDueResult = { folded: number; attempted: number; nextDueAt?: Date }

/**
 * Lanes still running from earlier passes, by endpoint id. The worker keeps one across passes
 * so a pass never waits for an attempt in progress: an endpoint whose receiver hangs keeps its
 * lane busy until the attempt times out, and every other endpoint is served meanwhile.
 */
export type Lanes = { running: Map<string, Promise<number>>; onIdle?: () => void }

async function runLane(payload: Payload, rows: DeliveryRow[], now?: Date) {
  let attempted = 0
  // One endpoint's deliveries go one at a time, in due order.
  for (const row of rows) {
    if (await attemptDelivery(payload, row, now ?? new Date())) attempted += 1
  }
  return attempted
}

/**
 * One pass of the webhook worker: close coalescing windows that are due, then attempt every
 * delivery that is due, each endpoint in its own lane. Safe to run from several processes at
 * once. Tests call it directly (it then waits for the attempts it started); `now` lets them
 * step over coalescing windows without sleeping.
 */
export async function deliverDue(
  payload: Payload,
  options: { now?: Date; limit?: number; lanes?: Lanes } = {},
): Promise<DeliverDueResult> {
  const now = options.now ?? new Date()
  const limit = options.limit ?? BATCH
  // Rows of an endpoint whose lane is busy wait for it without taking others' places.
  const notBusy = (): Where[] => {
    const keys = [...(options.lanes?.running.keys() ?? [])]
    if (keys.length === 0) return []
    const ids = payload.db.defaultIDType === 'number' ? keys.map(Number) : keys
    return [{ endpoint: { not_in: ids } }]
  }
  const due = (status: string): Where => ({
    and: [
      { status: { equals: status } },
      { dueAt: { less_than_equal: now.toISOString() } },
      ...notBusy(),
    ],
  })

  const leaders = new Map<string, DeliveryRow>()
  for (const row of await findRows(payload, due('collecting'), limit)) {
    const key = String(endpointIdOf(row))
    if (!leaders.has(key)) leaders.set(key, row)
  }
  let folded = 0
  for (const row of leaders.values()) if (await foldWindow(payload, row, now)) folded += 1

  const byEndpoint = new Map<string, DeliveryRow[]>()
  for (const row of await findRows(payload, due('pending'), limit)) {
    const key = String(endpointIdOf(row))
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), row])
  }
  let attempted = 0
  const started: Promise<number>[] = []
  for (const [key, rows] of byEndpoint) {
    const lanes = options.lanes
    if (lanes && lanes.running.size >= MAX_LANES) break
    const lane = runLane(payload, rows, options.now).catch((error: unknown) => {
      payload.logger.error({ msg: 'webhook lane failed', endpoint: key, err: error })
      return 0
    })
    if (lanes) {
      lanes.running.set(key, lane)
      void lane.finally(() => {
        lanes.running.delete(key)
        lanes.onIdle?.()
      })
      attempted += rows.length
    } else {
      started.push(lane)
    }
  }
  for (const count of await Promise.all(started)) attempted += count

  // A busy lane's rows come due again when the lane ends (onIdle), not by polling.
  const [next] = await findRows(
    payload,
    { and: [{ status: { in: ['collecting', 'pending'] } }, ...notBusy()] },
    1,
  )
  return { folded, attempted, nextDueAt: next ? new Date(next.dueAt) : undefined }
}
