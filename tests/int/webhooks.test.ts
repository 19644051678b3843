import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'

import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { deliverDue } from '../../src/webhooks/deliverDue'
import {
  createEndpoint,
  deliveriesFor,
  drain,
  retireEndpoints,
  secretOf,
  WEBHOOK_TEST_ENV,
} from '../helpers/webhooks'

const CANARY = 'CANARY-webhook-5d1c'

let t: TestPayload
let payload: Payload
let receiver: Receiver
let counter = 0

const publishArticle = async (title = `Coping with stress ${++counter}`, text = 'Open text.') =>
  payload.create({
    collection: 'articles',
    data: { title, body: body(text), _status: 'published' },
    depth: 0,
  })

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  receiver = await startReceiver()
}, 120_000)

afterAll(async () => {
  await receiver?.close()
  await t?.stop()
}, 60_000)

afterEach(async () => retireEndpoints(payload))

describe('signed delivery', () => {
  it('publishing an article delivers one event the receiver verifies with the Standard Webhooks algorithm', async () => {
    const endpoint = await createEndpoint(payload, { url: receiver.url('/signed') })
    const secret = await secretOf(payload, endpoint.id)
    const article = await publishArticle()
    await drain(payload)

    const hits = receiver.to('/signed')
    expect(hits).toHaveLength(1)
    const [hit] = hits
    expect(hit.headers['content-type']).toBe('application/json')
    // The spec's reference library…
    const event = new Webhook(secret).verify(hit.body, hit.headers)
    expect(event).toEqual({
      type: 'content.published',
      timestamp: expect.any(String),
      data: {
        changes: [
          {
            collection: 'articles',
            id: String(article.id),
            slug: article.slug,
            locale: 'en',
            operation: 'publish',
          },
        ],
      },
    })
    // …and the algorithm by hand: HMAC-SHA256 over id.timestamp.body with the base64 key.
    const signed = `${hit.headers['webhook-id']}.${hit.headers['webhook-timestamp']}.${hit.body}`
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
    const expected = crypto.createHmac('sha256', key).update(signed).digest('base64')
    expect(hit.headers['webhook-signature'].split(' ')).toContain(`v1,${expected}`)
    expect(() =>
      new Webhook(secret).verify(hit.body.replace('publish', 'delete'), hit.headers),
    ).toThrow()
  })

  it('retries a 500 with growing gaps under the same webhook-id, and logs every attempt', async () => {
    // 1/100 of the real schedule: the first retry after ~50 ms, the second after ~3 s.
    process.env.HAVEN_WEBHOOK_SCHEDULE_SCALE = '0.01'
    receiver.script('/flaky', 500, 500, 200)
    const endpoint = await createEndpoint(payload, { url: receiver.url('/flaky') })
    const secret = await secretOf(payload, endpoint.id)
    await publishArticle()
    await drain(payload, 5_000)
    process.env.HAVEN_WEBHOOK_SCHEDULE_SCALE = WEBHOOK_TEST_ENV.HAVEN_WEBHOOK_SCHEDULE_SCALE

    const hits = receiver.to('/flaky')
    expect(hits.map((h) => h.answeredWith)).toEqual([500, 500, 200])
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1)
    for (const hit of hits)
      expect(() => new Webhook(secret).verify(hit.body, hit.headers)).not.toThrow()
    const [first, second] = [hits[1].at - hits[0].at, hits[2].at - hits[1].at]
    // Never sooner than the schedule allows (5 s and 5 min, less 20 % jitter, scaled)…
    expect(first).toBeGreaterThanOrEqual(40)
    expect(second).toBeGreaterThanOrEqual(2_400)
    // …and the gaps grow.
    expect(second).toBeGreaterThan(first)

    const [delivery] = await deliveriesFor(payload, endpoint.id)
    expect(delivery.status).toBe('delivered')
    expect(delivery.attemptCount).toBe(3)
    expect(delivery.webhookId).toBe(hits[0].headers['webhook-id'])
    expect(delivery.attempts?.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ])
    expect(delivery.attempts?.[0].response).toBe('answer 500')
    expect(delivery.attempts?.every((a) => typeof a.durationMs === 'number')).toBe(true)
    // The endpoint's own page lists its deliveries (the admin's delivery log).
    const withLog = await payload.findByID({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      depth: 0,
    })
    expect(withLog.deliveries?.docs?.map((d) => (typeof d === 'object' ? d.id : d))).toEqual([
      delivery.id,
    ])
  }, 30_000)
})

describe('coalescing', () => {
  it('fifty publishes inside the window produce one delivery listing every item', async () => {
    const endpoint = await createEndpoint(payload, {
      url: receiver.url('/batch'),
      coalesceSeconds: 60,
    })
    const articles = []
    for (let i = 0; i < 50; i += 1) articles.push(await publishArticle())

    await deliverDue(payload)
    expect(receiver.to('/batch')).toHaveLength(0)

    const afterWindow = new Date(Date.now() + 61_000)
    await deliverDue(payload, { now: afterWindow })
    await deliverDue(payload, { now: afterWindow })

    const hits = receiver.to('/batch')
    expect(hits).toHaveLength(1)
    const { changes } = JSON.parse(hits[0].body).data
    expect(changes.map((c: { id: string }) => c.id).sort()).toEqual(
      articles.map((a) => String(a.id)).sort(),
    )
    expect(await deliveriesFor(payload, endpoint.id)).toHaveLength(1)
  }, 60_000)

  it('folds several changes to one item into one entry, and sends only what is subscribed', async () => {
    const endpoint = await createEndpoint(payload, {
      url: receiver.url('/mixed'),
      coalesceSeconds: 60,
      subscriptions: [
        { source: 'articles', operations: ['publish', 'unpublish', 'delete'] },
        { source: 'topics', operations: ['delete'] },
      ],
    })
    const kept = await publishArticle()
    await payload.update({ collection: 'articles', id: kept.id, data: { summary: 'Edited.' } })
    const gone = await publishArticle()
    await payload.delete({ collection: 'articles', id: gone.id })
    await payload.create({ collection: 'topics', data: { name: `Sleep ${counter}` } })

    await deliverDue(payload, { now: new Date(Date.now() + 61_000) })
    const hits = receiver.to('/mixed')
    expect(hits).toHaveLength(1)
    const event = JSON.parse(hits[0].body)
    expect(event.type).toBe('content.changed')
    expect(
      event.data.changes.map((c: { id: string; operation: string }) => [c.id, c.operation]),
    ).toEqual([
      [String(kept.id), 'publish'],
      [String(gone.id), 'delete'],
    ])
    expect((await deliveriesFor(payload, endpoint.id))[0].eventType).toBe('content.changed')
  })
})

describe('what a body may contain', () => {
  it('never carries content, private group fields or draft text', async () => {
    const endpoint = await createEndpoint(payload, { url: receiver.url('/canary') })
    await payload.create({
      collection: 'support-groups',
      data: {
        name: 'Thursday circle',
        _status: 'published',
        facilitation: 'peer-led',
        format: 'in-person',
        schedule: {
          timezone: 'Europe/London',
          weekly: [{ weekdays: ['thursday'], startTime: '18:30' }],
        },
        private: {
          address: `1 Fake Street ${CANARY}`,
          meetingLink: `https://meet.example.test/${CANARY}`,
          facilitatorContact: { name: `Fac ${CANARY}`, phone: '+44 7700 900123' },
          internalNotes: CANARY,
        },
      },
      depth: 0,
    })
    const live = await publishArticle(`Grounding exercises ${counter}`, `Body ${CANARY}`)
    await payload.update({
      collection: 'articles',
      id: live.id,
      draft: true,
      data: { title: `Draft title ${CANARY}`, _status: 'draft' },
    })
    await payload.create({
      collection: 'articles',
      draft: true,
      data: { title: `Never published ${CANARY}`, body: body(CANARY), _status: 'draft' },
    })
    await drain(payload)

    const hits = receiver.to('/canary')
    const changed = hits.flatMap((h) => JSON.parse(h.body).data.changes)
    expect(changed.map((c: { collection: string }) => c.collection).sort()).toEqual([
      'articles',
      'support-groups',
    ])
    for (const hit of hits) expect(JSON.stringify(hit)).not.toContain(CANARY)
    const rows = await deliveriesFor(payload, endpoint.id)
    expect(JSON.stringify(rows)).not.toContain(CANARY)
  })
})

describe('build hooks', () => {
  it('receive a bare POST with only the configured headers', async () => {
    await createEndpoint(payload, {
      url: receiver.url('/build'),
      mode: 'build-hook',
      headers: [{ name: 'X-Build-Token', value: 'token-123' }],
    })
    await publishArticle()
    await drain(payload)

    const hits = receiver.to('/build')
    expect(hits).toHaveLength(1)
    expect(hits[0].method).toBe('POST')
    expect(hits[0].body).toBe('')
    expect(hits[0].headers['content-length']).toBe('0')
    expect(hits[0].headers['x-build-token']).toBe('token-123')
    expect(hits[0].headers['webhook-signature']).toBeUndefined()
    expect(hits[0].headers['webhook-id']).toBeUndefined()
  })
})

describe('scheduled publishing', () => {
  it('fires the same publish event when the schedulePublish job runs', async () => {
    await createEndpoint(payload, { url: receiver.url('/scheduled') })
    // A scheduled publish goes through the review workflow: only approved content goes live.
    const author = await createUser(payload, ['editor'])
    const reviewer = await createUser(payload, ['reviewer'])
    const as = (user: typeof author) => ({ user, overrideAccess: false, draft: true, depth: 0 })
    const draft = await payload.create({
      collection: 'articles',
      data: { title: `Scheduled piece ${++counter}`, body: body('Later.'), _status: 'draft' },
      ...as(author),
    })
    for (const [user, status] of [
      [author, 'in-review'],
      [reviewer, 'approved'],
    ] as const) {
      await payload.update({
        collection: 'articles',
        id: draft.id,
        data: { review: { status } } as never,
        ...as(user),
      })
    }
    await drain(payload)
    expect(receiver.to('/scheduled')).toHaveLength(0)

    await payload.jobs.queue({
      task: 'schedulePublish',
      // The admin's schedule drawer sends the id as a string; ids are opaque on every database.
      input: { type: 'publish', doc: { relationTo: 'articles', value: String(draft.id) as never } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run()
    await drain(payload)

    const hits = receiver.to('/scheduled')
    expect(hits).toHaveLength(1)
    expect(JSON.parse(hits[0].body).data.changes).toEqual([
      expect.objectContaining({ id: String(draft.id), operation: 'publish' }),
    ])
  })
})
