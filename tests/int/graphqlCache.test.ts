import crypto from 'node:crypto'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { createArticle, createTopic, startApi, type Api } from '../helpers/graphqlApi'

let t: TestPayload
let payload: Payload
let api: Api

const LATEST = `{ articles(first: 10) { nodes { title topics { name } } } }`

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  const topic = await createTopic(payload, 'Cached topic')
  await createArticle(payload, { title: 'First cached', topics: [topic.id] })
  api = await startApi(payload)
}, 120_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

async function titles(expectCache?: 'HIT' | 'MISS') {
  const res = await api.post(LATEST)
  expect(res.status).toBe(200)
  if (expectCache) expect(res.headers.get('x-haven-cache')).toBe(expectCache)
  return res.json.data.articles.nodes.map((n: { title: string }) => n.title)
}

describe('response cache', () => {
  it('serves repeated public queries from the cache with a public Cache-Control', async () => {
    expect(await titles('MISS')).toEqual(['First cached'])
    const res = await api.post(LATEST)
    expect(res.headers.get('x-haven-cache')).toBe('HIT')
    expect(res.headers.get('cache-control')).toBe('max-age=30, public')
  }, 60_000)

  it('reflects publish, edit, unpublish and delete on the very next query', async () => {
    const doc = await createArticle(payload, { title: 'Second cached' })
    expect(await titles('MISS')).toEqual(['Second cached', 'First cached'])
    // Once the save has committed, the first answer after it is stored again at once.
    await titles('HIT')
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Second, edited', _status: 'published' },
    })
    expect(await titles('MISS')).toEqual(['Second, edited', 'First cached'])

    await titles('HIT')
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' } })
    expect(await titles('MISS')).toEqual(['First cached'])

    await titles('HIT')
    const topic = (await payload.find({ collection: 'topics', limit: 1 })).docs[0]
    await payload.update({ collection: 'topics', id: topic.id, data: { name: 'Renamed topic' } })
    const res = await api.post(LATEST)
    expect(res.json.data.articles.nodes[0].topics).toEqual([{ name: 'Renamed topic' }])

    const first = (
      await payload.find({
        collection: 'articles',
        limit: 1,
        where: { title: { equals: 'First cached' } },
      })
    ).docs[0]
    await titles('HIT')
    await payload.delete({ collection: 'articles', id: first.id })
    expect(await titles('MISS')).toEqual([])
  }, 60_000)

  it('stores nothing while a change is open, and nothing read before its commit outlives it', async () => {
    await titles('HIT')
    const doc = (
      await payload.find({
        collection: 'articles',
        limit: 1,
        where: { title: { equals: 'Second, edited' } },
      })
    ).docs[0]
    // A save held open inside its transaction, as a slow one would be.
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      await payload.update({
        collection: 'articles',
        id: doc.id,
        data: { title: 'Committed later', _status: 'published' },
        req,
      })
      const transactionID: unknown = await req.transactionID
      if (typeof transactionID !== 'string' && typeof transactionID !== 'number') {
        // No transactions here (FerretDB): the write is visible at once, and so is its end.
        expect(await titles('MISS')).toContain('Committed later')
        return
      }
      const during = await titles('MISS')
      expect(during).not.toContain('Committed later')
      expect(await titles('MISS')).toEqual(during) // read while open: not stored
      await commitTransaction(req)
    } finally {
      await killTransaction(req)
    }
    expect(await titles('MISS')).toContain('Committed later')
    expect(await titles('HIT')).toContain('Committed later')
  }, 60_000)

  it('notices a change made by another instance through the content check', async () => {
    const { watchContent } = await import('../../src/graphql/cache/contentWatch')
    const watch = watchContent(payload, 60_000)
    try {
      await watch.check() // the baseline
      await titles()
      await titles('HIT')
      // Another instance's write: this process's change listeners are told nothing of it.
      const doc = (
        await payload.find({
          collection: 'articles',
          limit: 1,
          where: { _status: { equals: 'published' } },
        })
      ).docs[0]
      await payload.update({
        collection: 'articles',
        id: doc.id,
        data: { title: 'Written elsewhere', _status: 'published' },
        context: { skipContentChange: true },
      })
      expect(await titles('HIT')).not.toContain('Written elsewhere') // stale until the check
      await watch.check()
      expect(await titles('MISS')).toContain('Written elsewhere')
    } finally {
      watch()
    }
  }, 60_000)

  it('answers automatic persisted queries over GET with cache headers a CDN can use', async () => {
    const query = `{ topics { name } }`
    const sha256Hash = crypto.createHash('sha256').update(query).digest('hex')
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } })
    const unknown = await api.get({ extensions })
    expect(unknown.json.errors[0].message).toBe('PersistedQueryNotFound')
    const registered = await api.get({ query, extensions })
    expect(registered.status).toBe(200)
    const res = await api.get({ extensions })
    expect(res.status).toBe(200)
    expect(res.json.data.topics).toHaveLength(1)
    expect(res.headers.get('cache-control')).toBe('max-age=30, public')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  }, 60_000)
})
