import { restRoutes } from '../../src/auth/restRoutes'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createTopic } from '../helpers/graphqlApi'

// The admin's relationship pickers read their options as POST + X-Payload-HTTP-Method-Override: GET with
// the query in a urlencoded body. Haven's request checks must let that through (and still check
// the query it carries).
let t: TestPayload
let routes: ReturnType<typeof restRoutes>

beforeAll(async () => {
  t = await startPayload()
  await createTopic(t.payload, 'Peer support')
  const { default: config } = await import('../../payload.config')
  routes = restRoutes(config)
}, 120_000)

afterAll(async () => {
  await t?.stop()
}, 60_000)

const overriddenGet = (body: string) =>
  routes.POST(
    new Request('http://127.0.0.1/api/topics', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
        'x-forwarded-for': '127.0.0.1',
      },
      body,
    }),
    { params: Promise.resolve({ slug: ['topics'] }) },
  )

describe('POST with X-Payload-HTTP-Method-Override: GET', () => {
  it('is read as the GET it stands for', async () => {
    const res = await overriddenGet('depth=0&limit=10&sort=name&where[name][like]=Peer')
    expect(res.status).toBe(200)
    const json = (await res.json()) as { docs: Array<{ name: string }> }
    expect(json.docs.map((d) => d.name)).toEqual(['Peer support'])
  })

  it('has its query checked like a GET', async () => {
    const res = await overriddenGet('where[createdAt][equals]=notadate')
    expect(res.status).toBe(400)
  })
})
