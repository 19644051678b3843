import { createLocalReq, type Endpoint, type Payload } from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { createUser } from '../helpers/fixtures'
import { signPreviewToken } from '../../src/graphql/preview/previewToken'
import { createArticle, createGroup, startApi, type Api } from '../helpers/graphqlApi'

let t: TestPayload
let payload: Payload
let api: Api
const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {}
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  t = await startPayload({ HAVEN_API_RESPONSE_CACHE: 'off' })
  payload = t.payload
  users.editor = await createUser(payload, ['editor'])
  users.reviewer = await createUser(payload, ['reviewer'])
  users.coordinator = await createUser(payload, ['coordinator'])
  users.otherCoordinator = await createUser(payload, ['coordinator'])
  const article = await createArticle(payload, { title: 'Panic attacks', summary: 'Live text' })
  ids.article = article.id
  // An unpublished edit of the live article: only a preview may show it.
  await payload.update({
    collection: 'articles',
    id: article.id,
    draft: true,
    data: { summary: 'Draft text awaiting review' },
    context: { skipReviewWorkflow: true, skipContentChecks: true },
  })
  const group = await createGroup(payload, { name: 'Leeds circle' })
  await payload.update({
    collection: 'support-groups',
    id: group.id,
    data: { coordinators: [users.coordinator.id] },
  })
  await payload.update({
    collection: 'support-groups',
    id: group.id,
    draft: true,
    data: { description: 'New meeting room from May' },
  })
  ids.group = group.id
  api = await startApi(payload)
}, 180_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

const endpointOf = (collection: 'articles' | 'support-groups'): Endpoint => {
  const found = (payload.collections[collection].config.endpoints || []).find(
    (e) => e.path === '/:id/preview-token' && e.method === 'get',
  )
  if (!found) throw new Error(`${collection} has no preview-token endpoint`)
  return found
}

async function mint(
  collection: 'articles' | 'support-groups',
  id: number | string,
  user?: (typeof users)[string],
  search = '',
) {
  const req = await createLocalReq(user ? { user: { ...user, collection: 'users' } } : {}, payload)
  req.routeParams = { id: String(id) }
  Object.assign(req, { url: `http://127.0.0.1/api/${collection}/${id}/preview-token${search}` })
  const res = await endpointOf(collection).handler(req)
  return { status: res.status, cache: res.headers.get('cache-control'), json: await res.json() }
}

const ARTICLE = `query($token: String) { article(slug: "panic-attacks", previewToken: $token) { summary } }`

describe('GET /api/articles/:id/preview-token', () => {
  it('refuses anonymous callers and roles that do not edit articles', async () => {
    const anonymous = await mint('articles', ids.article)
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.token).toBeUndefined()
    const coordinator = await mint('articles', ids.article, users.coordinator)
    expect(coordinator.status).toBe(403)
    expect(coordinator.json.token).toBeUndefined()
  })

  it('gives an editor a token that shows the draft through the public API', async () => {
    const res = await mint('articles', ids.article, users.editor)
    expect(res.status).toBe(200)
    expect(res.cache).toBe('no-store')
    expect(res.json.hint).toContain('haven-preview-token')
    const expiresIn = Date.parse(res.json.expiresAt) - Date.now()
    expect(expiresIn).toBeGreaterThan(0)
    expect(expiresIn).toBeLessThanOrEqual(10 * 60 * 1000)

    const live = await api.post(ARTICLE, {})
    expect(live.json.data.article.summary).toBe('Live text')
    const preview = await api.post(ARTICLE, { token: res.json.token })
    expect(preview.json.errors).toBeUndefined()
    expect(preview.json.data.article.summary).toBe('Draft text awaiting review')
    const byHeader = await api.post(ARTICLE, {}, { 'haven-preview-token': res.json.token })
    expect(byHeader.json.data.article.summary).toBe('Draft text awaiting review')
  })

  it('lets a reviewer preview too, and honours a shorter ttl', async () => {
    const res = await mint('articles', ids.article, users.reviewer, '?ttl=60')
    expect(res.status).toBe(200)
    expect(Date.parse(res.json.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000)
  })

  it('answers 400 for a bad ttl and 404 for an unknown or malformed id', async () => {
    for (const ttl of ['0', '3601', 'abc', '1.5']) {
      const res = await mint('articles', ids.article, users.editor, `?ttl=${ttl}`)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatch(/ttl/)
    }
    expect((await mint('articles', 987654, users.editor)).status).toBe(404)
    expect((await mint('articles', 'not-an-id', users.editor)).status).toBe(404)
  })

  it('refuses expired, tampered and other-document tokens', async () => {
    const expired = signPreviewToken(
      payload.secret,
      { collection: 'articles', id: ids.article },
      60,
      Date.now() - 2 * 60 * 60 * 1000,
    )
    const good = (await mint('articles', ids.article, users.editor)).json.token as string
    const [body, signature] = good.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    const otherBody = Buffer.from(JSON.stringify({ ...claims, id: '999' })).toString('base64url')
    const groupToken = (await mint('support-groups', ids.group, users.coordinator)).json.token
    for (const token of [expired, `${otherBody}.${signature}`, groupToken, 'garbage']) {
      const res = await api.post(ARTICLE, { token })
      expect(res.status).toBe(403)
      expect(res.json.errors[0].extensions.code).toBe('FORBIDDEN')
      expect(res.text).not.toContain('Draft text awaiting review')
    }
  })
})

describe('GET /api/support-groups/:id/preview-token', () => {
  const GROUP = `query($token: String) { supportGroup(slug: "x", previewToken: $token) { description } }`

  it('is for the group’s own coordinators and admins only', async () => {
    expect((await mint('support-groups', ids.group)).status).toBe(401)
    expect((await mint('support-groups', ids.group, users.editor)).status).toBe(403)
    expect((await mint('support-groups', ids.group, users.otherCoordinator)).status).toBe(403)
    const res = await mint('support-groups', ids.group, users.coordinator)
    expect(res.status).toBe(200)
    const preview = await api.post(GROUP, { token: res.json.token })
    expect(preview.json.errors).toBeUndefined()
    expect(preview.json.data.supportGroup.description).toBe('New meeting room from May')
  })
})
