/**
 * Webhook lanes through the real worker loop and real receivers on 127.0.0.1: nine endpoints
 * whose receivers never answer must not hold back a tenth, healthy one, and with no coalescing
 * window every change is its own delivery.
 */
import type { Payload } from 'payload'

import { IN_PROGRESS } from '../../src/webhooks/attemptDelivery'
import { startWebhookWorker, stopWebhookWorker } from '../../src/webhooks/worker'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { body } from '../helpers/fixtures'
import { createEndpoint, deliveriesFor, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

// Far longer than the test needs: a hanging receiver holds its attempt open throughout, so
// anything the healthy endpoint receives arrives while nine attempts are still in flight.
const ATTEMPT_TIMEOUT_MS = 60_000
const HANGING = 9

let t: TestPayload
let payload: Payload
let receiver: Receiver

beforeAll(async () => {
  t = await startPayload({
    ...WEBHOOK_TEST_ENV,
    HAVEN_WEBHOOK_TIMEOUT_MS: String(ATTEMPT_TIMEOUT_MS),
  })
  payload = t.payload
  receiver = await startReceiver()
}, 120_000)

afterAll(async () => {
  // Closing the receiver ends the hanging attempts, so the worker stops promptly.
  await receiver?.close()
  if (payload) await stopWebhookWorker(payload)
  await t?.stop()
}, 120_000)

const publish = (title: string) =>
  payload.create({
    collection: 'articles',
    data: { title, body: body(`${title}.`), _status: 'published' },
    context: { skipContentChecks: true, skipReviewWorkflow: true },
    depth: 0,
  })

const changesIn = (r: { body: string }) =>
  (JSON.parse(r.body) as { data: { changes: { id: string }[] } }).data.changes.map((c) =>
    String(c.id),
  )

it('a healthy endpoint is served while nine others hang, one delivery per change', async () => {
  const hanging = []
  for (let i = 1; i <= HANGING; i += 1) {
    receiver.script(`/hang${i}`, ...Array.from({ length: 10 }, () => 'hang' as const))
    hanging.push(await createEndpoint(payload, { url: receiver.url(`/hang${i}`) }))
  }
  const healthy = await createEndpoint(payload, { url: receiver.url('/ok') })
  // The worker as the server runs it (tests otherwise keep background jobs off).
  process.env.HAVEN_DISABLE_JOBS = 'false'
  startWebhookWorker(payload)
  process.env.HAVEN_DISABLE_JOBS = 'true'

  const first = await publish('Lane one')
  // Every hanging receiver holds an attempt open…
  for (let i = 1; i <= HANGING; i += 1) await receiver.waitFor(1, `/hang${i}`)
  await receiver.waitFor(1, '/ok')

  // …while later changes reach the healthy endpoint, each in a delivery of its own.
  const later = [await publish('Lane two'), await publish('Lane three'), await publish('Lane four')]
  const ok = await receiver.waitFor(4, '/ok', ATTEMPT_TIMEOUT_MS / 2)
  const stillOpen = receiver.requests.filter((r) => r.path.startsWith('/hang'))
  expect(stillOpen).toHaveLength(HANGING)
  expect(stillOpen.every((r) => r.answeredWith === undefined)).toBe(true)
  expect(ok.map(changesIn)).toEqual([first, ...later].map((a) => [String(a.id)]))
  expect(new Set(ok.map((r) => r.headers['webhook-id'])).size).toBe(4)

  // The attempts in flight are already counted and shown as in progress, so one cut off by a
  // crash is found and logged as interrupted (webhooksRestart.test.ts kills a process for that).
  for (const endpoint of hanging) {
    const rows = await deliveriesFor(payload, endpoint.id)
    const inFlight = rows.filter((row) => row.attemptCount === 1)
    expect(inFlight).toHaveLength(1)
    expect(inFlight[0].attempts ?? []).toEqual([])
    expect(inFlight[0].lastError).toContain(IN_PROGRESS)
  }
  // The receiver answered; the worker records each answer a moment later.
  let delivered = await deliveriesFor(payload, healthy.id)
  for (let i = 0; i < 100 && delivered.some((row) => row.status !== 'delivered'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    delivered = await deliveriesFor(payload, healthy.id)
  }
  expect(delivered.map((row) => row.status)).toEqual(Array(4).fill('delivered'))
  expect(delivered.map((row) => row.attempts?.length)).toEqual([1, 1, 1, 1])
  expect(delivered[0].attempts?.[0]).toMatchObject({ statusCode: 200, error: null })
}, 120_000)
