/**
 * Topics are public from the moment they are saved and shape the navigation, so only reviewers
 * and admins create, change or delete them; a delete needs a reason like any public content.
 * Real HTTP on 127.0.0.1 with real sign-in tokens, the public API read back after each change.
 */
import type { Payload } from 'payload'

import { createUser } from '../helpers/fixtures'
import { createTopic, startApi, type Api } from '../helpers/graphqlApi'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startPayloadHttp, type PayloadHttp } from '../helpers/payloadHttp'

type User = Awaited<ReturnType<typeof createUser>>
type Id = number | string
type Role = 'editor' | 'reviewer' | 'admin' | 'coordinator'

let t: TestPayload
let payload: Payload
let http: PayloadHttp
let api: Api
const users = {} as Record<Role, User>
const tokens = new Map<Id, string>()

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  for (const role of ['editor', 'reviewer', 'admin', 'coordinator'] as Role[]) {
    users[role] = await createUser(payload, [role])
    const { token } = await payload.login({
      collection: 'users',
      data: { email: users[role].email, password: 'correct-horse-battery-staple' },
    })
    tokens.set(users[role].id, token!)
  }
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
  return { status: res.status, json: text ? JSON.parse(text) : null }
}

const publicNames = async () =>
  ((await api.post('{ topics { name } }')).json.data.topics as Array<{ name: string }>).map(
    (topic) => topic.name,
  )

const stored = (id: Id) =>
  payload.find({ collection: 'topics', where: { id: { equals: id } }, depth: 0 })

describe('editors, coordinators and anonymous callers', () => {
  it('read topics but cannot create, change or delete one', async () => {
    const topic = await createTopic(payload, 'Grief')
    for (const user of [users.editor, users.coordinator, null]) {
      expect((await call(user, 'GET', `topics/${topic.id}`)).status).toBe(200)
      expect((await call(user, 'POST', 'topics', { name: 'Sneaked in' })).status).toBe(403)
      const patch = await call(user, 'PATCH', `topics/${topic.id}`, { isCrisisRelated: true })
      expect(patch.status).toBe(403)
      const bulk = await call(user, 'PATCH', `topics?where[id][equals]=${topic.id}`, {
        name: 'Renamed in bulk',
      })
      expect(bulk.json.docs ?? []).toEqual([])
      expect((await call(user, 'DELETE', `topics/${topic.id}`)).status).toBe(403)
      const explained = await call(user, 'POST', `topics/${topic.id}/delete`, { reason: 'Mine' })
      expect(explained.status).toBe(user ? 403 : 401)
      const gql = await call(user, 'POST', 'graphql', {
        query: `mutation { updateTopic(id: ${JSON.stringify(topic.id)}, data: { name: "G" }) { id } }`,
      })
      expect(gql.json.errors).toBeDefined()
    }
    const { docs } = await stored(topic.id)
    expect(docs[0]).toEqual(expect.objectContaining({ name: 'Grief', isCrisisRelated: false }))
    expect(await publicNames()).toContain('Grief')
    expect(await publicNames()).not.toContain('Sneaked in')
  })
})

describe('reviewers and admins', () => {
  it('create and change topics, and the public API shows it at once', async () => {
    for (const user of [users.reviewer, users.admin]) {
      const name = `Sleep ${user.id}`
      const created = await call(user, 'POST', 'topics', { name })
      expect(created.status).toBe(201)
      expect(await publicNames()).toContain(name)
      const id = created.json.doc.id
      const renamed = await call(user, 'PATCH', `topics/${id}`, { name: `${name} and rest` })
      expect(renamed.status).toBe(200)
      expect(await publicNames()).toContain(`${name} and rest`)
    }
  })

  it('delete a topic only with a reason, which the audit log keeps', async () => {
    const topic = await createTopic(payload, 'Retired topic')
    const plain = await call(users.reviewer, 'DELETE', `topics/${topic.id}`)
    expect(plain.status).toBe(400)
    expect(plain.json.errors[0].message).toContain(`POST /api/topics/${topic.id}/delete`)
    expect((await stored(topic.id)).totalDocs).toBe(1)

    const res = await call(users.reviewer, 'POST', `topics/${topic.id}/delete`, {
      reason: 'Merged into Sleep',
    })
    expect(res.status).toBe(200)
    expect((await stored(topic.id)).totalDocs).toBe(0)
    expect(await publicNames()).not.toContain('Retired topic')
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { targetCollection: { equals: 'topics' }, targetId: { equals: String(topic.id) } },
      depth: 0,
    })
    const deletion = docs.filter((e) => e.action === 'content.delete')
    expect(deletion).toHaveLength(1)
    expect(deletion[0].details).toEqual(expect.objectContaining({ reason: 'Merged into Sleep' }))
  })
})
