import type { Payload } from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { createArticle, createTopic, startApi, type Api } from '../helpers/graphqlApi'

// Right after a publish every client asks again at once while the cache is empty: identical
// queries must run once, not once per client.
let t: TestPayload
let payload: Payload
let api: Api
const calls: string[] = []
// While `gate` is set, the first database read waits until `gate.expected` requests have reached
// the handler, so the test knows they all overlap (loopback is fast enough that they otherwise
// might not), without relying on timing.
let gate: { expected: number; arrived: number; open: () => void; opened: Promise<void> } | null =
  null

const QUERY = `{ articles(first: 10) { nodes { title slug topics { name } } } }`

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  const topic = await createTopic(payload, 'Flight topic')
  for (let i = 0; i < 5; i++)
    await createArticle(payload, { title: `Flight ${i}`, topics: [topic.id] })
  const db = payload.db as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const method of [
    'find',
    'findOne',
    'count',
    'queryDrafts',
    'findVersions',
    'findDistinct',
  ]) {
    const original = db[method]
    if (typeof original !== 'function') continue
    db[method] = async function (this: unknown, ...args: unknown[]) {
      calls.push(`${method}:${(args[0] as { collection?: string })?.collection ?? ''}`)
      if (gate) await gate.opened
      return original.apply(this, args)
    }
  }
  api = await startApi(payload)
  const handle = api.handler.handle
  api.handler.handle = (request) => {
    if (gate && ++gate.arrived >= gate.expected) gate.open()
    return handle(request)
  }
}, 300_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

/** Publishes a new article, then returns the database calls `clients` identical queries cost. */
async function afterPublish(title: string, clients: number) {
  await createArticle(payload, { title })
  calls.length = 0
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  gate = { expected: clients, arrived: 0, open, opened }
  const replies = await Promise.all(Array.from({ length: clients }, () => api.post(QUERY)))
  gate = null
  for (const reply of replies) {
    expect(reply.status).toBe(200)
    expect(reply.json.data.articles.nodes[0].title).toBe(title)
  }
  return { calls: [...calls].sort(), replies }
}

describe('single flight on a cache miss', () => {
  it('50 concurrent identical queries right after a publish cost the round trips of one', async () => {
    const one = await afterPublish('Published alone', 1)
    expect(one.calls.length).toBeGreaterThan(0)
    const fifty = await afterPublish('Published to a crowd', 50)
    expect(fifty.calls).toEqual(one.calls)
    const cache = fifty.replies.map((r) => r.headers.get('x-haven-cache')).sort()
    expect(cache.filter((c) => c === 'MISS')).toHaveLength(1)
    expect(cache.filter((c) => c === 'COALESCED')).toHaveLength(49)
    expect(new Set(fifty.replies.map((r) => r.text)).size).toBe(1)
  }, 120_000)

  it('different queries are not merged', async () => {
    await createArticle(payload, { title: 'Two shapes' })
    const [a, b] = await Promise.all([
      api.post(`{ articles(first: 1) { nodes { title } } }`),
      api.post(`{ articles(first: 2) { nodes { title } } }`),
    ])
    expect(a.json.data.articles.nodes).toHaveLength(1)
    expect(b.json.data.articles.nodes).toHaveLength(2)
    expect(a.headers.get('x-haven-cache')).toBe('MISS')
    expect(b.headers.get('x-haven-cache')).toBe('MISS')
  }, 60_000)
})
