import type { Payload } from 'payload'

import { pruneDeliveries } from '../../src/webhooks/pruneDeliveries'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createEndpoint, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
}, 120_000)
afterAll(async () => t?.stop())

it('deletes finished deliveries past the retention period and keeps pending work', async () => {
  const endpoint = await createEndpoint(payload, { url: 'http://127.0.0.1:9/hook' })
  const day = 24 * 60 * 60 * 1000
  const row = (status: string, ageDays: number) =>
    payload.create({
      collection: 'webhook-deliveries',
      overrideAccess: true,
      data: {
        endpoint: endpoint.id,
        status,
        eventType: 'content.published',
        webhookId: `msg_prune_${status}_${ageDays}`,
        changes: [],
        eventAt: new Date(Date.now() - ageDays * day).toISOString(),
        dueAt: new Date().toISOString(),
      } as never,
    })
  const oldDelivered = await row('delivered', 40)
  const oldFailed = await row('failed', 31)
  const recent = await row('delivered', 2)
  const oldPending = await row('pending', 40)

  const deleted = await pruneDeliveries({ payload } as never)
  expect(deleted).toBe(2)
  const left = await payload.find({
    collection: 'webhook-deliveries',
    overrideAccess: true,
    limit: 10,
  })
  const ids = left.docs.map((d) => d.id)
  expect(ids).toEqual(expect.arrayContaining([recent.id, oldPending.id]))
  expect(ids).not.toContain(oldDelivered.id)
  expect(ids).not.toContain(oldFailed.id)
})
