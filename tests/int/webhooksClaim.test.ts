import type { Payload } from 'payload'

import { attemptDelivery, INTERRUPTED } from '../../src/webhooks/attemptDelivery'
import { findRows, type DeliveryRow } from '../../src/webhooks/outbox'
import { body } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { createEndpoint, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

// After a worker died mid-attempt, two processes can find the same row due and race to claim it.
// Exactly one sends, and the cut-off attempt goes into the log once: the loser's claim used to
// append it too (a $push inside the claim's update runs for every racer on the SQL adapters).
let t: TestPayload
let payload: Payload
let receiver: Receiver

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  receiver = await startReceiver()
}, 120_000)
afterAll(async () => {
  await receiver?.close()
  await t?.stop()
}, 60_000)

it('two racers for an interrupted delivery: one send, one log entry for the cut-off attempt', async () => {
  const endpoint = await createEndpoint(payload, { url: receiver.url('/race') })
  await payload.create({
    collection: 'articles',
    data: { title: 'Raced delivery', body: body('Text.'), _status: 'published' },
    depth: 0,
  })
  const [row] = await findRows(payload, { endpoint: { equals: endpoint.id } })
  // What a worker killed after its claim leaves behind: the attempt counted, never logged.
  await payload.db.updateOne({
    collection: 'webhook-deliveries',
    id: row.id,
    data: { attemptCount: 1, status: 'pending' },
  })
  const [stale] = await findRows(payload, { id: { equals: row.id } })
  const copies: DeliveryRow[] = [{ ...stale }, { ...stale }]
  const ran = await Promise.all(copies.map((copy) => attemptDelivery(payload, copy, new Date())))
  expect(ran.filter(Boolean)).toHaveLength(1)
  expect(receiver.to('/race')).toHaveLength(1)

  const [after] = await findRows(payload, { id: { equals: row.id } })
  const interrupted = (after.attempts ?? []).filter((a) => a.error === INTERRUPTED)
  expect(interrupted).toHaveLength(1)
  expect((after.attempts ?? []).map((a) => a.attempt)).toEqual([1, 2])
}, 60_000)
