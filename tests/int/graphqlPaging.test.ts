import type { Payload } from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { createArticle, startApi, type Api } from '../helpers/graphqlApi'

// Ids are opaque: numbers on SQLite and PostgreSQL, ObjectId strings on MongoDB. Items with equal
// sort keys are ordered by id, and a cursor must resume exactly after its item on every database.
let t: TestPayload
let payload: Payload
let api: Api
const articleIds: string[] = []
const groupIds: string[] = []
const SAME_DAY = '2026-03-01T09:00:00.000Z'

beforeAll(async () => {
  t = await startPayload({ HAVEN_API_RESPONSE_CACHE: 'off' })
  payload = t.payload
  for (let i = 0; i < 7; i++) {
    const doc = await createArticle(payload, { title: `Equal time ${i}`, publishedAt: SAME_DAY })
    articleIds.push(String(doc.id))
  }
  // Same place: every group is at the same distance from any point.
  for (let i = 0; i < 7; i++) {
    const doc = await payload.create({
      collection: 'support-groups',
      data: {
        name: `Same place ${i}`,
        _status: 'published',
        area: { city: 'Leeds', country: 'GB', lat: 53.8, lng: -1.55 },
      } as never,
    })
    groupIds.push(String(doc.id))
  }
  api = await startApi(payload)
}, 180_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

type Page = { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }

async function everyPage(field: 'articles' | 'supportGroups', args: string): Promise<string[]> {
  const seen: string[] = []
  let after: string | null = null
  for (let round = 0; round < 20; round++) {
    const res = await api.post(
      `query($after: String) { ${field}(${args}, first: 2, after: $after) {
        nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { after },
    )
    expect(res.json.errors).toBeUndefined()
    const page = res.json.data[field] as Page
    seen.push(...page.nodes.map((n) => n.id))
    if (!page.pageInfo.hasNextPage) return seen
    after = page.pageInfo.endCursor
  }
  throw new Error(`${field} never reached its last page`)
}

it('pages through articles published at the same moment without a gap or a repeat', async () => {
  for (const sort of ['NEWEST', 'OLDEST']) {
    const seen = await everyPage('articles', `sort: ${sort}`)
    expect(new Set(seen).size).toBe(seen.length)
    expect([...seen].sort()).toEqual([...articleIds].sort())
  }
})

it('pages through groups at the same distance without a gap or a repeat', async () => {
  const seen = await everyPage('supportGroups', 'filter: {near: {lat: 53.7, lng: -1.5}}')
  expect(new Set(seen).size).toBe(seen.length)
  expect([...seen].sort()).toEqual([...groupIds].sort())
})

it('pages through groups by slug without a gap or a repeat', async () => {
  const seen = await everyPage('supportGroups', 'filter: {}')
  expect(new Set(seen).size).toBe(seen.length)
  expect([...seen].sort()).toEqual([...groupIds].sort())
})
