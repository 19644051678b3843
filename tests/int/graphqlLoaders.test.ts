import type { Payload } from 'payload'

import { invalidateResponseCache } from '../../src/graphql/cache/responseCache'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createUser } from '../helpers/fixtures'
import { createImage, createTopic, startApi, type Api } from '../helpers/graphqlApi'

let t: TestPayload
let payload: Payload
let api: Api
const calls: string[] = []

beforeAll(async () => {
  t = await startPayload({ HAVEN_API_RESPONSE_CACHE: 'off' })
  payload = t.payload
  const parent = await createTopic(payload, 'Parent topic')
  const topics = []
  const authors = []
  const images = []
  for (let i = 0; i < 10; i++) {
    topics.push(await createTopic(payload, `Topic ${i}`, parent.id))
    authors.push(await createUser(payload, ['editor'], `Author ${i}`))
    images.push(await createImage(payload, `Image ${i}`))
  }
  for (let i = 0; i < 110; i++) {
    await payload.create({
      collection: 'articles',
      data: {
        title: `Round trip ${i}`,
        _status: 'published',
        topics: [topics[i % 10].id, topics[(i + 3) % 10].id],
        author: authors[i % 10].id,
        reviewer: authors[(i + 1) % 10].id,
        heroImage: images[i % 10].id,
      },
      context: { skipContentChecks: true, skipReviewWorkflow: true },
    })
  }
  // Count every database call the adapter serves from here on.
  const db = payload.db as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const method of [
    'find',
    'findOne',
    'count',
    'findGlobal',
    'queryDrafts',
    'findVersions',
    'countVersions',
    'findDistinct',
  ]) {
    const original = db[method]
    if (typeof original !== 'function') continue
    db[method] = function (this: unknown, ...args: unknown[]) {
      calls.push(`${method}:${(args[0] as { collection?: string })?.collection ?? ''}`)
      return original.apply(this, args)
    }
  }
  api = await startApi(payload)
}, 300_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

const QUERY = `query($first: Int!) { articles(first: $first) { nodes {
  title bodyHtml
  topics { name parent { name } }
  author { displayName credentials }
  reviewedBy { displayName }
  heroImage { alt url sizes { name url width height } focalPoint { x y } }
} } }`

async function roundTrips(first: number) {
  calls.length = 0
  const res = await api.post(QUERY, { first })
  expect(res.json.errors).toBeUndefined()
  expect(res.json.data.articles.nodes).toHaveLength(first)
  for (const node of res.json.data.articles.nodes) {
    expect(node.topics).toHaveLength(2)
    expect(node.topics[0].parent.name).toBe('Parent topic')
    expect(node.author.displayName).toMatch(/^Author \d$/)
    expect(node.heroImage.alt).toMatch(/^Image \d$/)
  }
  return [...calls].sort()
}

describe('per-request DataLoaders', () => {
  it('a page of 100 articles with topics, authors and images costs the same round trips as 10', async () => {
    invalidateResponseCache('test: start from an empty topic tree')
    const ten = await roundTrips(10)
    invalidateResponseCache('test: start from an empty topic tree')
    const hundred = await roundTrips(100)
    expect(hundred).toEqual(ten)
    // articles, article bodies, topics (whole tree), users (authors + reviewers), media
    expect(ten).toEqual([
      'find:articles',
      'find:articles',
      'find:media',
      'find:topics',
      'find:users',
    ])
  })

  it('keeps the topic tree between requests, and a topic change is visible to the next one', async () => {
    await roundTrips(10)
    const again = await roundTrips(10)
    expect(again).not.toContain('find:topics')
    expect(again).toContain('find:articles')

    const parent = await payload.find({
      collection: 'topics',
      where: { name: { equals: 'Parent topic' } },
    })
    await payload.update({
      collection: 'topics',
      id: parent.docs[0].id,
      data: { name: 'Parent topic, renamed' },
    })
    const res = await api.post(QUERY, { first: 10 })
    for (const node of res.json.data.articles.nodes) {
      expect(node.topics[0].parent.name).toBe('Parent topic, renamed')
    }
    await payload.update({
      collection: 'topics',
      id: parent.docs[0].id,
      data: { name: 'Parent topic' },
    })
  })
})
