/**
 * The same confidentiality guarantees as access.test.ts, through Payload's own REST API and its
 * own GraphQL endpoint (the handlers Next serves at /api/* and /api/graphql), called anonymously.
 */
import { GRAPHQL_POST, REST_GET } from '@payloadcms/next/routes'

import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

const CANARY = 'CANARY-http-5d1e'
let t: TestPayload
let rest: ReturnType<typeof REST_GET>
let graphql: ReturnType<typeof GRAPHQL_POST>

const get = (path: string) =>
  rest(new Request(`http://127.0.0.1/api/${path}`), {
    params: Promise.resolve({ slug: path.split('?')[0].split('/') }),
  })

const gql = (query: string) =>
  graphql(
    new Request('http://127.0.0.1/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }),
  )

beforeAll(async () => {
  t = await startPayload()
  const { default: config } = await import('../../payload.config')
  rest = REST_GET(config)
  graphql = GRAPHQL_POST(config)
  const coordinator = await createUser(t.payload, ['coordinator'])
  const ctx = { skipContentChecks: true, skipReviewWorkflow: true }
  await t.payload.create({
    collection: 'articles',
    data: { title: 'Public article', body: body('Open.'), _status: 'published' },
    context: ctx,
  })
  await t.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: `Draft ${CANARY}`, body: body(CANARY), _status: 'draft' },
    context: ctx,
  })
  await t.payload.create({
    collection: 'support-groups',
    data: {
      name: 'Thursday group',
      facilitation: 'peer-led',
      format: 'in-person',
      _status: 'published',
      schedule: {
        timezone: 'Europe/London',
        weekly: [{ weekdays: ['thursday'], startTime: '19:00' }],
      },
      coordinators: [coordinator.id],
      private: {
        address: `${CANARY} street`,
        meetingLink: `https://meet.example.org/${CANARY}`,
        facilitatorContact: { name: CANARY, phone: '+44 20 7946 0999', email: 'x@example.org' },
        internalNotes: CANARY,
      },
    },
    context: ctx,
  })
}, 120_000)
afterAll(async () => t?.stop())

describe('anonymous REST', () => {
  it('lists published articles only, and drafts are not reachable by asking for them', async () => {
    for (const path of ['articles?depth=2', 'articles?draft=true', 'articles/versions']) {
      const res = await get(path)
      const text = await res.text()
      expect(text).not.toContain(CANARY)
    }
    const list = (await (await get('articles')).json()) as { docs: { title: string }[] }
    expect(list.docs.map((d) => d.title)).toEqual(['Public article'])
  })

  it('returns groups without any private field, and refuses to filter on one', async () => {
    const res = await get('support-groups?depth=2')
    expect(await res.text()).not.toContain(CANARY)
    const probe = await get('support-groups?where[private.internalNotes][like]=CANARY')
    expect(probe.status).toBeGreaterThanOrEqual(400)
    expect(await probe.text()).not.toContain('http-5d1e')
  })

  it('does not list staff accounts', async () => {
    const res = await get('users')
    expect(res.status).toBe(403)
  })
})

describe('anonymous Payload GraphQL', () => {
  it('never returns drafts or private group fields', async () => {
    const res = await gql(`{
      Articles(draft: true) { docs { title } }
      SupportGroups { docs { name private { address meetingLink internalNotes facilitatorContact { name phone } } } }
    }`)
    const text = await res.text()
    expect(text).not.toContain(CANARY)
    const json = JSON.parse(text) as { data: { Articles: { docs: { title: string }[] } } }
    expect(json.data.Articles.docs.map((d) => d.title)).toEqual(['Public article'])
  })
})
