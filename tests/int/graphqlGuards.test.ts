import { jest } from '@jest/globals'
import http from 'node:http'
import net from 'node:net'
import type { Payload } from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { createArticle, createGroup, startApi, type Api } from '../helpers/graphqlApi'

let t: TestPayload
let payload: Payload
let api: Api

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  await createArticle(payload, { title: 'Guarded article' })
  await createGroup(payload, { name: 'Guarded group' })
  api = await startApi(payload, {
    maxDepth: 6,
    maxCost: 2000,
    introspection: false,
    maxBodyBytes: 4096,
  })
}, 120_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

const firstError = (reply: { json: any }) => reply.json.errors[0]

describe('guards', () => {
  it('refuses a query deeper than the limit, naming the limit', async () => {
    const res = await api.post(
      `{ topics { children { children { children { children { children { children { slug } } } } } } } }`,
    )
    expect(res.status).toBe(400)
    expect(firstError(res)).toMatchObject({
      message: 'Query is too deep: at most 6 levels of nested fields are allowed.',
      extensions: { code: 'QUERY_TOO_DEEP', maxDepth: 6 },
    })
  })

  it('refuses a query costing more than the limit, saying its cost and the limit', async () => {
    const res = await api.post(
      `{ supportGroups(first: 100) { nodes { name nextMeetings(count: 20) { start end } } } }`,
    )
    expect(res.status).toBe(400)
    expect(firstError(res).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 2000 })
    expect(firstError(res).message).toMatch(/estimated cost is \d+ and the limit is 2000/)
    const cheap = await api.post(`{ articles(first: 10) { nodes { title } } }`)
    expect(cheap.status).toBe(200)
    expect(cheap.json.data.articles.nodes).toEqual([{ title: 'Guarded article' }])
  })

  it('caps page size at 100 with a 400', async () => {
    const res = await api.post(`{ supportGroups(first: 101) { nodes { slug } } }`)
    expect(res.status).toBe(400)
    expect(firstError(res)).toMatchObject({
      message: '`first` must be between 1 and 100 (got 101).',
      extensions: { code: 'BAD_USER_INPUT' },
    })
    expect(res.json.data).toBeNull()
  })

  it('gives 400s with useful messages for bad arguments, never a 5xx or a stack trace', async () => {
    const cases: Array<[string, RegExp]> = [
      [`{ articles(after: "nonsense") { nodes { title } } }`, /not a cursor this API returned/],
      [`{ search(query: "a") { __typename } }`, /2–100 characters/],
      [
        `{ supportGroups(filter: {near: {lat: 95, lng: 0}}) { nodes { slug } } }`,
        /near.lat must be between -90 and 90/,
      ],
      [
        `{ supportGroups(filter: {language: "english"}) { nodes { slug } } }`,
        /two- or three-letter code/,
      ],
      [`{ crisisResources(country: "United Kingdom") { intro } }`, /two-letter ISO 3166 code/],
      [
        `{ supportGroup(slug: "guarded-group") { nextMeetings(count: 50) { start } } }`,
        /between 1 and 20/,
      ],
      [
        `{ article(slug: "x", previewToken: "forged") { title } }`,
        /previewToken is invalid or has expired/,
      ],
      [`{ articles(first: "ten") { nodes { title } } }`, /Int cannot represent/],
      [`{ articles { nodes { nosuchfield } } }`, /Cannot query field "nosuchfield"/],
      [`{ articles { nodes { title }`, /Syntax Error/],
    ]
    for (const [query, message] of cases) {
      const res = await api.post(query)
      expect([400, 403]).toContain(res.status)
      expect(firstError(res).message).toMatch(message)
      expect(res.text).not.toMatch(/stacktrace|\.ts:\d+/)
    }
  })

  it('rejects bodies that are not JSON, too large, or the wrong method', async () => {
    const notJson = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ not json',
    })
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).errors[0].message).toMatch(/not valid JSON/)
    const big = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ apiVersion }`, padding: 'x'.repeat(5000) }),
    })
    expect(big.status).toBe(413)
    expect((await big.json()).errors[0].message).toBe(
      'Request body is larger than the 4096-byte limit.',
    )
    const put = await fetch(`${api.url}/graphql`, { method: 'PUT' })
    expect(put.status).toBe(405)
    const noQuery = await api.get({})
    expect(noQuery.status).toBe(400)
  })

  it('stops reading a body sent without a length once it passes the limit', async () => {
    const { port } = new URL(api.url)
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST' },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.setHeader('content-type', 'application/json')
      req.on('error', reject)
      // Chunked: the server only learns the size as the bytes arrive.
      for (let i = 0; i < 10; i++) req.write('x'.repeat(1000))
      req.end()
    })
    expect(status).toBe(413)
  })

  it('shrugs off a client that hangs up mid-body: no error logged, the next request answered', async () => {
    const errors = jest.spyOn(payload.logger, 'error')
    try {
      const { port } = new URL(api.url)
      const socket = net.connect(Number(port), '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      socket.write(
        'POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
          'content-length: 200\r\n\r\n{"query":"{ apiVe',
      )
      await new Promise((resolve) => setTimeout(resolve, 50))
      socket.destroy()
      await new Promise((resolve) => setTimeout(resolve, 50))
      const next = await api.post(`{ apiVersion }`)
      expect(next.status).toBe(200)
      expect(errors.mock.calls).toEqual([])
    } finally {
      errors.mockRestore()
    }
  })

  it('keeps introspection off when configured, and hides field suggestions', async () => {
    const res = await api.post(`{ __schema { types { name } } }`)
    expect(res.status).toBe(400)
    expect(firstError(res).message).toMatch(/introspection is not allowed/i)
    const typo = await api.post(`{ articls { nodes { title } } }`)
    expect(firstError(typo).message).not.toMatch(/Did you mean/)
  })

  it('rate-limits per client with a 429 and Retry-After', async () => {
    const limited = await startApi(payload, { rateLimit: 3, rateWindowSeconds: 60 })
    try {
      for (let i = 0; i < 3; i++) expect((await limited.post(`{ apiVersion }`)).status).toBe(200)
      const res = await limited.post(`{ apiVersion }`)
      expect(res.status).toBe(429)
      const retryAfter = Number(res.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(firstError(res)).toMatchObject({ extensions: { code: 'RATE_LIMITED' } })
      expect(firstError(res).message).toMatch(/limit is 3 per 60 seconds/)
    } finally {
      await limited.stop()
    }
  })
})
