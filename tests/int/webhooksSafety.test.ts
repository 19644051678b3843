import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { Webhook } from 'standardwebhooks'

import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { redeliverEndpoint } from '../../collections/WebhookDeliveries/endpoints/redeliver'
import { rebuildNowEndpoint } from '../../collections/WebhookEndpoints/endpoints/rebuildNow'
import { revealSecretEndpoint } from '../../collections/WebhookEndpoints/endpoints/revealSecret'
import { rotateSecretEndpoint } from '../../collections/WebhookEndpoints/endpoints/rotateSecret'
import { sendTestEndpoint } from '../../collections/WebhookEndpoints/endpoints/sendTest'
import { resealWebhookSecrets } from '../../src/webhooks/resealWebhookSecrets'
import { rotateSigningSecret, signingSecrets } from '../../src/webhooks/secrets'
import {
  createEndpoint,
  deliveriesFor,
  drain,
  retireEndpoints,
  secretOf,
  WEBHOOK_TEST_ENV,
} from '../helpers/webhooks'

let t: TestPayload
let payload: Payload
let receiver: Receiver
let counter = 0

const publishArticle = async () =>
  payload.create({
    collection: 'articles',
    data: { title: `Breathing basics ${++counter}`, body: body('Text.'), _status: 'published' },
    depth: 0,
  })

const onlyDelivery = async (endpointId: number) => {
  const rows = await deliveriesFor(payload, endpointId)
  expect(rows).toHaveLength(1)
  return rows[0]
}

// The development keyring startPayload's data directory generated on first use.
const devKeyring = async () =>
  (await import('node:fs')).readFileSync(`${t.dataDir}/.encryption-keys`, 'utf8').trim()

function withEnv(vars: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k]
      else process.env[k] = value
    }
  }
  apply(vars)
  return () => apply(saved)
}

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

describe('target safety', () => {
  let restore: () => void
  beforeEach(() => {
    restore = withEnv({
      HAVEN_WEBHOOK_ALLOW_PRIVATE: undefined,
      HAVEN_WEBHOOK_ALLOW_HOSTS: undefined,
    })
  })
  afterEach(() => restore())

  it('refuses loopback targets and non-http schemes when an endpoint is saved', async () => {
    await expect(createEndpoint(payload, { url: receiver.url('/x') })).rejects.toThrow(/url/i)
    const error = await createEndpoint(payload, { url: receiver.url('/x') }).catch((e) => e)
    expect(JSON.stringify(error.data)).toMatch(/loopback, private or link-local/)
    const scheme = await createEndpoint(payload, { url: 'ftp://127.0.0.1/x' }).catch((e) => e)
    expect(JSON.stringify(scheme.data)).toMatch(/http:\/\/ or https:\/\//)
  })

  it('accepts a host on the allow-list', async () => {
    process.env.HAVEN_WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    await expect(createEndpoint(payload, { url: receiver.url('/allowed') })).resolves.toBeTruthy()
  })

  it('refuses at delivery time a target that became private, without sending anything', async () => {
    process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE = 'true'
    const endpoint = await createEndpoint(payload, { url: receiver.url('/refused') })
    delete process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE
    await publishArticle()
    await drain(payload)
    expect(receiver.to('/refused')).toHaveLength(0)
    const delivery = await onlyDelivery(endpoint.id)
    expect(delivery.status).toBe('failed')
    expect(delivery.attemptCount).toBe(1)
    expect(delivery.lastError).toMatch(/resolves to 127\.0\.0\.1/)
  })

  it('follows a 307 to an allowed address but never to a refused one', async () => {
    process.env.HAVEN_WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    receiver.script('/hop', { status: 307, headers: { location: receiver.url('/landed') } })
    const good = await createEndpoint(payload, { url: receiver.url('/hop') })
    const port = new URL(receiver.url()).port
    receiver.script('/sneaky', { status: 307, headers: { location: `http://127.0.0.2:${port}/x` } })
    const bad = await createEndpoint(payload, { url: receiver.url('/sneaky') })
    await publishArticle()
    await drain(payload)

    expect((await onlyDelivery(good.id)).status).toBe('delivered')
    expect(receiver.to('/landed')).toHaveLength(1)
    expect(receiver.to('/landed')[0].body).toBe(receiver.to('/hop')[0].body)
    const refused = await onlyDelivery(bad.id)
    expect(refused.status).toBe('failed')
    expect(refused.lastError).toMatch(/127\.0\.0\.2.*loopback/)
  })
})

describe('how receivers answer', () => {
  it('410 Gone disables the endpoint; re-activating clears the reason', async () => {
    receiver.script('/gone', 410)
    const endpoint = await createEndpoint(payload, { url: receiver.url('/gone') })
    await publishArticle()
    await drain(payload)
    expect((await onlyDelivery(endpoint.id)).status).toBe('failed')
    const disabled = await payload.findByID({ collection: 'webhook-endpoints', id: endpoint.id })
    expect(disabled.active).toBe(false)
    expect(disabled.disabledReason).toMatch(/410/)

    await publishArticle()
    await drain(payload)
    expect(receiver.to('/gone')).toHaveLength(1)
    const again = await payload.update({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      data: { active: true },
    })
    expect(again.disabledReason).toBeNull()
  })

  it('other 4xx fail at once', async () => {
    receiver.script('/bad', 400)
    const endpoint = await createEndpoint(payload, { url: receiver.url('/bad') })
    await publishArticle()
    await drain(payload)
    const delivery = await onlyDelivery(endpoint.id)
    expect(delivery.status).toBe('failed')
    expect(delivery.attemptCount).toBe(1)
    expect(receiver.to('/bad')).toHaveLength(1)
  })

  it('429 waits at least as long as Retry-After asks', async () => {
    receiver.script('/busy', { status: 429, headers: { 'retry-after': '600' } })
    const endpoint = await createEndpoint(payload, { url: receiver.url('/busy') })
    await publishArticle()
    await drain(payload, 0)
    const waiting = await onlyDelivery(endpoint.id)
    expect(waiting.status).toBe('pending')
    const attemptAt = Date.parse(waiting.attempts![0].at!)
    // 600 s scaled by 1/1000 = 600 ms, where the plain schedule would wait 4–6 ms.
    expect(Date.parse(waiting.dueAt) - attemptAt).toBeGreaterThanOrEqual(550)
    await drain(payload)
    const done = await onlyDelivery(endpoint.id)
    expect(done.status).toBe('delivered')
    expect(done.attempts!.map((a) => a.statusCode)).toEqual([429, 200])
  })

  it('a receiver that hangs times out and is retried', async () => {
    const restore = withEnv({ HAVEN_WEBHOOK_TIMEOUT_MS: '300' })
    receiver.script('/slow', 'hang')
    const endpoint = await createEndpoint(payload, { url: receiver.url('/slow') })
    await publishArticle()
    await drain(payload)
    restore()
    const delivery = await onlyDelivery(endpoint.id)
    expect(delivery.attempts!.map((a) => a.error ?? a.statusCode)).toEqual(['Timed out', 200])
    expect(delivery.status).toBe('delivered')
  })

  it('reads at most a bounded slice of a huge response', async () => {
    receiver.script('/huge', { status: 200, body: 'x'.repeat(2 * 1024 * 1024) })
    const endpoint = await createEndpoint(payload, { url: receiver.url('/huge') })
    await publishArticle()
    await drain(payload)
    const delivery = await onlyDelivery(endpoint.id)
    expect(delivery.status).toBe('delivered')
    expect(delivery.attempts![0].response).toHaveLength(1_000)
  })
})

describe('signing secrets', () => {
  it('cannot be read back through the API, and are shown once', async () => {
    const admin = await createUser(payload, ['admin'])
    const endpoint = await createEndpoint(payload, { url: receiver.url('/secret') })
    const secret = await secretOf(payload, endpoint.id)
    const asAdmin = await payload.findByID({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      overrideAccess: false,
      user: admin,
    })
    expect(asAdmin).not.toHaveProperty('secretCiphertext')
    expect(asAdmin).not.toHaveProperty('previousSecretCiphertext')
    const raw = await payload.db.findOne({
      collection: 'webhook-endpoints',
      where: { id: { equals: endpoint.id } },
    })
    expect(JSON.stringify(raw)).not.toContain(secret.slice(6))

    const req = await createLocalReq({ user: { ...admin, collection: 'users' } }, payload)
    req.routeParams = { id: String(endpoint.id) }
    const second = await revealSecretEndpoint.handler(req)
    expect(second.status).toBe(409)
  })

  it('keep signing with the old secret alongside the new one after a rotation', async () => {
    const endpoint = await createEndpoint(payload, { url: receiver.url('/rotated') })
    const oldSecret = await secretOf(payload, endpoint.id)
    const rotated = await rotateSigningSecret(payload, endpoint.id)
    if (!('secret' in rotated)) throw new Error(rotated.error)
    await publishArticle()
    await drain(payload)
    const [hit] = receiver.to('/rotated')
    expect(hit.headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(() => new Webhook(oldSecret).verify(hit.body, hit.headers)).not.toThrow()
    expect(() => new Webhook(rotated.secret).verify(hit.body, hit.headers)).not.toThrow()
  })

  it('are re-sealed under a new encryption key, and still sign the same', async () => {
    const endpoint = await createEndpoint(payload, { url: receiver.url('/resealed') })
    const secret = await secretOf(payload, endpoint.id)
    const newKey = `k2:${Buffer.alloc(32, 7).toString('base64')}`
    const restore = withEnv({ HAVEN_ENCRYPTION_KEYS: `${newKey},${await devKeyring()}` })
    try {
      const req = await createLocalReq({}, payload)
      expect(await resealWebhookSecrets(req)).toBeGreaterThanOrEqual(1)
      const raw = (await payload.db.findOne({
        collection: 'webhook-endpoints',
        where: { id: { equals: endpoint.id } },
      })) as unknown as { id: number; secretCiphertext: string }
      expect(raw.secretCiphertext.split('.')[1]).toBe('k2')
      expect(signingSecrets(raw)).toEqual([secret])
    } finally {
      restore()
    }
  })

  it('admin actions refuse anyone but an admin', async () => {
    const editor = await createUser(payload, ['editor'])
    const endpoint = await createEndpoint(payload, { url: receiver.url('/guarded') })
    const req = await createLocalReq({ user: { ...editor, collection: 'users' } }, payload)
    req.routeParams = { id: String(endpoint.id) }
    const actions = [
      revealSecretEndpoint,
      rotateSecretEndpoint,
      sendTestEndpoint,
      rebuildNowEndpoint,
      redeliverEndpoint,
    ]
    for (const action of actions) expect((await action.handler(req)).status).toBe(403)
    await expect(
      payload.find({ collection: 'webhook-endpoints', overrideAccess: false, user: editor }),
    ).rejects.toThrow()
  })
})

describe('admin actions', () => {
  const handlers = {
    test: sendTestEndpoint,
    rebuild: rebuildNowEndpoint,
    redeliver: redeliverEndpoint,
  }
  const action = async (name: keyof typeof handlers, id?: number) => {
    const admin = await createUser(payload, ['admin'])
    const req = await createLocalReq({ user: { ...admin, collection: 'users' } }, payload)
    req.routeParams = id === undefined ? {} : { id: String(id) }
    return handlers[name].handler(req)
  }

  it('"Send test event" delivers a webhook.test event', async () => {
    const endpoint = await createEndpoint(payload, { url: receiver.url('/test-event') })
    expect((await action('test', endpoint.id)).status).toBe(202)
    await drain(payload)
    const [hit] = receiver.to('/test-event')
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'webhook.test', data: { changes: [] } })
    expect((await action('test', 999_999)).status).toBe(404)
  })

  it('"Rebuild now" fires every active build hook and nothing else', async () => {
    await createEndpoint(payload, { url: receiver.url('/hook-1'), mode: 'build-hook' })
    await createEndpoint(payload, { url: receiver.url('/hook-2'), mode: 'build-hook' })
    await createEndpoint(payload, { url: receiver.url('/not-a-hook') })
    const answer = await action('rebuild')
    expect(await answer.json()).toEqual({ queued: 2 })
    await drain(payload)
    expect(receiver.to('/hook-1').map((r) => r.body)).toEqual([''])
    expect(receiver.to('/hook-2')).toHaveLength(1)
    expect(receiver.to('/not-a-hook')).toHaveLength(0)
  })

  it('"Redeliver" sends the same message again under the same webhook-id', async () => {
    const endpoint = await createEndpoint(payload, { url: receiver.url('/again') })
    await publishArticle()
    await drain(payload)
    const original = await onlyDelivery(endpoint.id)
    expect((await action('redeliver', original.id as number)).status).toBe(202)
    expect((await action('redeliver', 999_999)).status).toBe(404)
    await drain(payload)
    const hits = receiver.to('/again')
    expect(hits).toHaveLength(2)
    expect(hits[1].headers['webhook-id']).toBe(hits[0].headers['webhook-id'])
    expect(hits[1].body).toBe(hits[0].body)
    const rows = await deliveriesFor(payload, endpoint.id)
    expect(rows).toHaveLength(2)
    expect(rows[1].redeliveryOf).toBe(original.id)
  })
})

describe('the outbox and the content share one transaction', () => {
  // SQLite runs without transactions in this project's adapter setup (src/db/adapter.ts), and so
  // does MongoDB without a replica set (FerretDB on the MongoDB lane has none).
  const withTransactions =
    process.env.HAVEN_TEST_DB === 'postgres' ||
    (process.env.HAVEN_TEST_DB === 'mongodb' &&
      /(^|&)replicaSet=/.test(process.env.HAVEN_TEST_MONGODB_QUERY ?? ''))

  ;(withTransactions ? it : it.skip)(
    'a rolled-back publish leaves no delivery behind',
    async () => {
      const endpoint = await createEndpoint(payload, { url: receiver.url('/rolled-back') })
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      await payload.create({
        collection: 'articles',
        data: { title: `Rolled back ${++counter}`, body: body('Text.'), _status: 'published' },
        req,
      })
      await killTransaction(req)
      await drain(payload)
      expect(await deliveriesFor(payload, endpoint.id)).toHaveLength(0)
      expect(receiver.to('/rolled-back')).toHaveLength(0)
    },
  )
})
