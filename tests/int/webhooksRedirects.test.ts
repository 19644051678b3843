/**
 * Redirects and the secrets a delivery carries, over real HTTP: two receivers on 127.0.0.1 on
 * different ports are two origins. The endpoint's own receiver redirects to the other one; the
 * other one must never see the signature or the endpoint's custom headers.
 */
import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'

import { body } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startReceiver, type Receiver } from '../helpers/receiver'
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
let home: Receiver
let elsewhere: Receiver
let counter = 0

const TOKEN = { name: 'x-build-token', value: 'build-token-7c1e' }
const SECRET_HEADERS = ['webhook-signature', 'webhook-id', 'webhook-timestamp', TOKEN.name]

const publishArticle = () =>
  payload.create({
    collection: 'articles',
    data: { title: `Grounding steps ${++counter}`, body: body('Text.'), _status: 'published' },
    depth: 0,
  })

const onlyDelivery = async (endpointId: number) => {
  const rows = await deliveriesFor(payload, endpointId)
  expect(rows).toHaveLength(1)
  return rows[0]
}

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  home = await startReceiver()
  elsewhere = await startReceiver()
}, 120_000)

afterAll(async () => {
  await home?.close()
  await elsewhere?.close()
  await t?.stop()
}, 60_000)

afterEach(async () => retireEndpoints(payload))

describe('a redirect to another origin', () => {
  it('the two receivers are different origins', () => {
    expect(new URL(home.url()).origin).not.toBe(new URL(elsewhere.url()).origin)
  })

  it.each([301, 302, 303, 307, 308])(
    '%i is refused: the attempt fails with a reason and the other host gets nothing',
    async (status) => {
      const from = `/moved-${status}`
      const to = `/stolen-${status}`
      home.script(from, { status, headers: { location: elsewhere.url(to) } })
      const endpoint = await createEndpoint(payload, { url: home.url(from), headers: [TOKEN] })
      await publishArticle()
      await drain(payload)

      expect(home.to(from)).toHaveLength(1)
      expect(home.to(from)[0].headers[TOKEN.name]).toBe(TOKEN.value)
      expect(elsewhere.to(to)).toHaveLength(0)
      const delivery = await onlyDelivery(endpoint.id)
      expect(delivery.status).toBe('failed')
      expect(delivery.attemptCount).toBe(1)
      expect(delivery.lastStatusCode).toBe(status)
      expect(delivery.lastError).toMatch(/another origin/)
      expect(delivery.lastError).toContain(new URL(elsewhere.url()).origin)
    },
  )

  it('a build hook is refused the same way, its token staying home', async () => {
    home.script('/deploy', { status: 308, headers: { location: elsewhere.url('/deploy') } })
    const endpoint = await createEndpoint(payload, {
      url: home.url('/deploy'),
      mode: 'build-hook',
      headers: [TOKEN],
    })
    await publishArticle()
    await drain(payload)
    expect(home.to('/deploy')).toHaveLength(1)
    expect(elsewhere.to('/deploy')).toHaveLength(0)
    expect((await onlyDelivery(endpoint.id)).lastError).toMatch(/another origin/)
  })

  it('after a same-origin hop, a second hop elsewhere is refused too', async () => {
    home.script('/first', { status: 307, headers: { location: '/second' } })
    home.script('/second', { status: 307, headers: { location: elsewhere.url('/third') } })
    const endpoint = await createEndpoint(payload, { url: home.url('/first'), headers: [TOKEN] })
    await publishArticle()
    await drain(payload)
    expect(home.to('/second')).toHaveLength(1)
    expect(elsewhere.requests.filter((r) => r.path === '/third')).toHaveLength(0)
    expect((await onlyDelivery(endpoint.id)).status).toBe('failed')
  })

  it('the other receiver saw no request at all, so no signature and no custom header', () => {
    const leaked = elsewhere.requests.flatMap((r) => SECRET_HEADERS.filter((h) => h in r.headers))
    expect(leaked).toEqual([])
    expect(elsewhere.requests).toHaveLength(0)
  })
})

describe('a redirect within the origin', () => {
  it('307 and 308 are followed with the headers and a valid signature', async () => {
    home.script('/old', { status: 307, headers: { location: '/new' } })
    home.script('/older', { status: 308, headers: { location: home.url('/newer') } })
    const a = await createEndpoint(payload, { url: home.url('/old'), headers: [TOKEN] })
    const b = await createEndpoint(payload, { url: home.url('/older'), headers: [TOKEN] })
    await publishArticle()
    await drain(payload)

    expect((await onlyDelivery(a.id)).status).toBe('delivered')
    expect((await onlyDelivery(b.id)).status).toBe('delivered')
    for (const [path, id] of [
      ['/new', a.id],
      ['/newer', b.id],
    ] as const) {
      const [landed] = home.to(path)
      expect(landed.headers[TOKEN.name]).toBe(TOKEN.value)
      const secret = await secretOf(payload, id)
      expect(() => new Webhook(secret).verify(landed.body, landed.headers)).not.toThrow()
    }
  })

  it('301, 302 and 303 are still not followed (they would turn the POST into a GET)', async () => {
    home.script('/perm', { status: 301, headers: { location: '/perm-new' } })
    const endpoint = await createEndpoint(payload, { url: home.url('/perm') })
    await publishArticle()
    await drain(payload)
    expect(home.to('/perm-new')).toHaveLength(0)
    const delivery = await onlyDelivery(endpoint.id)
    expect(delivery.status).toBe('failed')
    expect(delivery.lastError).toMatch(/Redirect not followed/)
  })
})
