/**
 * Deleting an article the public has seen is a reviewer's or an admin's act with a reason, over
 * every way in: REST by id, REST with a `where`, Payload's GraphQL `deleteArticle`, and the
 * POST /api/articles/:id/delete endpoint that carries the reason. Real HTTP on 127.0.0.1 with
 * real sign-in tokens; the webhook outbox, the public API's cache and the audit log are read
 * back from the database.
 */
import type { Payload } from 'payload'

import { body, createUser } from '../helpers/fixtures'
import { createArticle, createGroup, startApi, type Api } from '../helpers/graphqlApi'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startPayloadHttp, type PayloadHttp } from '../helpers/payloadHttp'
import { createEndpoint, deliveriesFor, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

// An id of the database's own shape that no document has (a malformed one is a 400).
const unknownId = () => (payload.db.defaultIDType === 'number' ? '999999' : 'f'.repeat(24))

type User = Awaited<ReturnType<typeof createUser>>
type Id = number | string
type Role = 'editor' | 'otherEditor' | 'reviewer' | 'admin'

let t: TestPayload
let payload: Payload
let http: PayloadHttp
let api: Api
let hook: { id: Id }
const users = {} as Record<Role, User>
const tokens = new Map<Id, string>()
let counter = 0

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  for (const role of ['editor', 'otherEditor', 'reviewer', 'admin'] as Role[]) {
    users[role] = await createUser(payload, [role === 'otherEditor' ? 'editor' : role])
    const { token } = await payload.login({
      collection: 'users',
      data: { email: users[role].email, password: 'correct-horse-battery-staple' },
    })
    tokens.set(users[role].id, token!)
  }
  // An hour's window: the delete is recorded in the outbox and stays there to be read back.
  hook = await createEndpoint(payload, {
    url: 'http://127.0.0.1:9/rebuild',
    coalesceSeconds: 3600,
    subscriptions: [{ source: 'articles', operations: ['publish', 'unpublish', 'delete'] }],
  })
  const { default: config } = await import('../../payload.config')
  http = await startPayloadHttp(config)
  api = await startApi(payload)
}, 120_000)

afterAll(async () => {
  await api?.stop()
  await http?.close()
  await t?.stop()
}, 60_000)

async function call(user: User | null, method: string, path: string, json?: unknown) {
  const res = await fetch(`${http.url}/api/${path}`, {
    method,
    headers: {
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(user ? { authorization: `JWT ${tokens.get(user.id)}` } : {}),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : null }
}

const deleteArticle = (user: User | null, id: Id) =>
  call(user, 'POST', 'graphql', {
    query: `mutation { deleteArticle(id: ${JSON.stringify(id)}) { id } }`,
  })

const exists = async (id: Id) =>
  (await payload.find({ collection: 'articles', where: { id: { equals: id } }, draft: true }))
    .totalDocs === 1

const published = (extra: Record<string, unknown> = {}) =>
  createArticle(payload, { title: `Live article ${++counter}`, ...extra })

async function draftBy(user: User) {
  return payload.create({
    collection: 'articles',
    data: { title: `Draft ${++counter}`, body: body('Work in progress.') },
    draft: true,
    user,
    overrideAccess: false,
    depth: 0,
  })
}

/** Published once, then taken down: a draft now, with a published version in its history. */
async function oncePublished(author: User) {
  const doc = await published({ author: author.id })
  await payload.update({
    collection: 'articles',
    id: doc.id,
    data: { _status: 'draft', publishedAt: null },
    context: { havenUnpublish: String(doc.id), havenUnpublishReason: 'Fixture' },
  })
  return doc
}

// SQLite hands a deleted row's id to the next insert, so entries are read from a moment on.
const auditOf = async (id: Id, since: string) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: {
        targetCollection: { equals: 'articles' },
        targetId: { equals: String(id) },
        createdAt: { greater_than_equal: since },
      },
      pagination: false,
      depth: 0,
    })
  ).docs

const errorsOf = (res: { json: any }) =>
  ((res.json?.errors ?? []) as Array<{ message: string }>).map((e) => e.message).join(' ')

describe('editors', () => {
  it('delete their own drafts that never went live, by REST and by GraphQL', async () => {
    const a = await draftBy(users.editor)
    expect((await call(users.editor, 'DELETE', `articles/${a.id}`)).status).toBe(200)
    expect(await exists(a.id)).toBe(false)
    const b = await draftBy(users.editor)
    const res = await deleteArticle(users.editor, b.id)
    expect(res.json.errors).toBeUndefined()
    expect(await exists(b.id)).toBe(false)
  })

  it("may not delete someone else's draft", async () => {
    const other = await draftBy(users.otherEditor)
    expect((await call(users.editor, 'DELETE', `articles/${other.id}`)).status).toBe(403)
    expect((await deleteArticle(users.editor, other.id)).json.errors).toBeDefined()
    expect(await exists(other.id)).toBe(true)
  })

  it('may not delete a live article or one that was ever live, however they ask', async () => {
    const live = await published({ author: users.editor.id })
    const gone = await oncePublished(users.editor)
    for (const doc of [live, gone]) {
      expect((await call(users.editor, 'DELETE', `articles/${doc.id}`)).status).toBe(403)
      expect((await deleteArticle(users.editor, doc.id)).json.errors).toBeDefined()
      const bulk = await call(users.editor, 'DELETE', `articles?where[id][equals]=${doc.id}`)
      expect(bulk.json.docs ?? []).toEqual([])
      const withReason = await call(users.editor, 'POST', `articles/${doc.id}/delete`, {
        reason: 'I wrote it',
      })
      expect(withReason.status).toBe(403)
      expect(await exists(doc.id)).toBe(true)
    }
  })

  it('in a bulk delete lose only their own never-live drafts', async () => {
    const mine = await draftBy(users.editor)
    const live = await published({ author: users.editor.id })
    const res = await call(users.editor, 'DELETE', `articles?where[id][in]=${mine.id},${live.id}`)
    expect(res.json.docs.map((d: { id: Id }) => String(d.id))).toEqual([String(mine.id)])
    expect(await exists(mine.id)).toBe(false)
    expect(await exists(live.id)).toBe(true)
  })
})

describe('reviewers and admins', () => {
  it('are told to give a reason when they delete a live article the plain way', async () => {
    const live = await published()
    for (const user of [users.reviewer, users.admin]) {
      const byId = await call(user, 'DELETE', `articles/${live.id}`)
      expect(byId.status).toBe(400)
      expect(errorsOf(byId)).toContain(`POST /api/articles/${live.id}/delete`)
      const bulk = await call(user, 'DELETE', `articles?where[id][equals]=${live.id}`)
      expect(bulk.status).toBe(400)
      expect(errorsOf(bulk)).toContain('needs a reason')
      const gql = await deleteArticle(user, live.id)
      expect(errorsOf(gql)).toContain('needs a reason')
    }
    expect(await exists(live.id)).toBe(true)
  })

  it('refuses a missing, blank, overlong or malformed reason, and unknown ids', async () => {
    const live = await published()
    for (const bad of [{}, { reason: '   ' }, { reason: 7 }, { reason: 'x'.repeat(1001) }]) {
      const res = await call(users.reviewer, 'POST', `articles/${live.id}/delete`, bad)
      expect(res.status).toBe(400)
      expect(errorsOf(res)).toMatch(/reason/)
    }
    const notJson = await fetch(`${http.url}/api/articles/${live.id}/delete`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `JWT ${tokens.get(users.reviewer.id)}`,
      },
      body: 'not json',
    })
    expect(notJson.status).toBe(400)
    const unknown = await call(users.reviewer, 'POST', `articles/${unknownId()}/delete`, {
      reason: 'Old',
    })
    expect(unknown.status).toBe(404)
    const signedOut = await call(null, 'POST', `articles/${live.id}/delete`, { reason: 'Old' })
    expect(signedOut.status).toBe(401)
    expect(await exists(live.id)).toBe(true)
  })

  it('delete a live article with a reason: gone from the public API, announced, audited', async () => {
    const live = await published()
    const since = new Date().toISOString()
    const query = `{ article(slug: ${JSON.stringify(live.slug)}) { title } }`
    expect((await api.post(query)).json.data.article.title).toBe(live.title)
    expect((await api.post(query)).headers.get('x-haven-cache')).toBe('HIT')

    const res = await call(users.reviewer, 'POST', `articles/${live.id}/delete`, {
      reason: 'Superseded by the 2026 guidance',
    })
    expect(res.status).toBe(200)
    expect(await exists(live.id)).toBe(false)

    const after = await api.post(query)
    expect(after.headers.get('x-haven-cache')).toBe('MISS')
    expect(after.json.data.article).toBeNull()
    const rows = await deliveriesFor(payload, hook.id)
    const changes = rows.flatMap((r) => (r.changes ?? []) as Array<Record<string, unknown>>)
    const announced = changes.filter((c) => c.id === String(live.id))
    expect(announced.map((c) => c.operation)).toEqual(['publish', 'delete'])
    // The reason is for the audit log; a webhook body says where, never why or what.
    expect(JSON.stringify(announced)).not.toContain('Superseded')
    const entries = await auditOf(live.id, since)
    const deletion = entries.filter((e) => e.action === 'content.delete')
    expect(deletion).toHaveLength(1)
    expect(deletion[0].details).toEqual(
      expect.objectContaining({ reason: 'Superseded by the 2026 guidance' }),
    )
    expect(deletion[0].actor).toBe(users.reviewer.id)
  })

  it('delete an article that was live once with a reason, audited though nothing public changes', async () => {
    const gone = await oncePublished(users.editor)
    const since = new Date().toISOString()
    const plain = await call(users.admin, 'DELETE', `articles/${gone.id}`)
    expect(plain.status).toBe(400)
    const res = await call(users.admin, 'POST', `articles/${gone.id}/delete`, {
      reason: 'Duplicate of another article',
    })
    expect(res.status).toBe(200)
    expect(await exists(gone.id)).toBe(false)
    const deletion = (await auditOf(gone.id, since)).filter((e) => e.action === 'content.delete')
    expect(deletion).toHaveLength(1)
    expect(deletion[0].details).toEqual({ reason: 'Duplicate of another article' })
    expect(deletion[0].actor).toBe(users.admin.id)
  })

  it('delete a draft that never went live without a reason', async () => {
    const draft = await draftBy(users.editor)
    expect((await call(users.reviewer, 'DELETE', `articles/${draft.id}`)).status).toBe(200)
    expect(await exists(draft.id)).toBe(false)
  })
})

describe('support groups', () => {
  const groupExists = async (id: Id) =>
    (
      await payload.find({
        collection: 'support-groups',
        where: { id: { equals: id } },
        draft: true,
      })
    ).totalDocs === 1

  it('a listed group goes only through an admin, with a reason the audit log keeps', async () => {
    const group = await createGroup(payload, { name: `Tuesday circle ${++counter}` })
    const plain = await call(users.admin, 'DELETE', `support-groups/${group.id}`)
    expect(plain.status).toBe(400)
    expect(errorsOf(plain)).toContain(`POST /api/support-groups/${group.id}/delete`)
    const byReviewer = await call(users.reviewer, 'POST', `support-groups/${group.id}/delete`, {
      reason: 'Closed',
    })
    expect(byReviewer.status).toBe(403)
    expect(await groupExists(group.id)).toBe(true)

    const since = new Date().toISOString()
    const res = await call(users.admin, 'POST', `support-groups/${group.id}/delete`, {
      reason: 'The group has closed',
    })
    expect(res.status).toBe(200)
    expect(await groupExists(group.id)).toBe(false)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        action: { equals: 'content.delete' },
        targetCollection: { equals: 'support-groups' },
        targetId: { equals: String(group.id) },
        createdAt: { greater_than_equal: since },
      },
      depth: 0,
    })
    expect(docs.map((e) => (e.details as { reason?: string }).reason)).toEqual([
      'The group has closed',
    ])
  })

  it('a draft group that was never listed is deleted by an admin without a reason', async () => {
    const draft = await createGroup(payload, { name: `Planned ${++counter}`, _status: 'draft' })
    expect((await call(users.admin, 'DELETE', `support-groups/${draft.id}`)).status).toBe(200)
    expect(await groupExists(draft.id)).toBe(false)
  })
})

describe('anonymous callers', () => {
  it('delete nothing', async () => {
    const live = await published()
    expect((await call(null, 'DELETE', `articles/${live.id}`)).status).toBe(403)
    expect((await deleteArticle(null, live.id)).json.errors).toBeDefined()
    expect(await exists(live.id)).toBe(true)
  })
})
