/**
 * Requests that used to get a 5xx or an internal-error code, each answered now with a 4xx whose
 * message says what was wrong, and logged (if at all) below error level without SQL or a stack.
 * Sent over HTTP on 127.0.0.1: /graphql to the standalone API server, /api/* through the route
 * handlers the Next routes export, behind the checks src/server.ts makes in front of Next.
 * tests/int/badInput.test.ts searches for more of them with generated requests.
 */
import { Writable } from 'node:stream'
import type { Payload } from 'payload'
import pino from 'pino'

import { loggerOptions } from '../../src/logging/loggerConfig'
import { sendTestEvent } from '../../src/webhooks'
import { createUser } from '../helpers/fixtures'
import { createArticle, createTopic, startApi, type Api } from '../helpers/graphqlApi'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startPayloadHttp, type PayloadHttp } from '../helpers/payloadHttp'
import { createEndpoint, deliveriesFor, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

let t: TestPayload
let payload: Payload
let api: Api
let rest: PayloadHttp
let adminToken: string
let logged = ''
let original: Payload['logger']

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  const topic = await createTopic(payload, 'Anxiety')
  await createArticle(payload, { title: 'Cursor article', topics: [topic.id] })
  await createArticle(payload, { title: 'Another cursor article', topics: [topic.id] })
  const admin = await createUser(payload, ['admin'])
  const login = await payload.login({
    collection: 'users',
    data: { email: admin.email, password: 'correct-horse-battery-staple' },
  })
  adminToken = login.token!
  api = await startApi(payload)
  const { default: config } = await import('../../payload.config')
  rest = await startPayloadHttp(config)
  original = payload.logger
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString()
      done()
    },
  })
  payload.logger = pino(loggerOptions(), sink) as unknown as Payload['logger']
})

afterAll(async () => {
  if (original) payload.logger = original
  await rest?.close()
  await api?.stop()
  await t?.stop()
})

type Answer = { status: number; message: string; code?: unknown; text: string }

async function answer(res: Response): Promise<Answer> {
  const text = await res.text()
  let json: { errors?: { message?: string; extensions?: { code?: unknown } }[] } = {}
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: the message stays empty and the test says so
  }
  const first = json.errors?.[0]
  return { status: res.status, message: first?.message ?? '', code: first?.extensions?.code, text }
}

const graphql = async (body: unknown) =>
  answer(
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )

const call = async (method: string, path: string, init: RequestInit = {}) =>
  answer(
    await fetch(`${rest.url}${path}`, {
      method,
      ...init,
      headers: { authorization: `JWT ${adminToken}`, ...init.headers },
    }),
  )

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

function nestedInlineFragments(levels: number) {
  let selection = 'slug'
  for (let i = 0; i < levels; i++) selection = `... on Topic { ${selection} }`
  return `{ topics { ${selection} } }`
}

describe('the public GraphQL API', () => {
  it.each([
    [
      'an operationName naming no operation',
      { query: 'query A { topics { slug } }', operationName: 'B' },
      /no operation named "B"/,
    ],
    [
      'an operationName on an anonymous operation',
      { query: '{ topics { slug } }', operationName: 'B' },
      /no operation named "B"/,
    ],
    [
      'two operations and no operationName',
      { query: 'query A { topics { slug } } query B { topics { name } }' },
      /several operations/,
    ],
  ])('refuses %s with a 400', async (_name, body, message) => {
    const reply = await graphql(body)
    expect({ status: reply.status, code: reply.code }).toEqual({
      status: 400,
      code: 'OPERATION_RESOLUTION_FAILURE',
    })
    expect(reply.message).toMatch(message)
  })

  it('refuses an explicit null for an argument with a default', async () => {
    for (const body of [
      { query: '{ topics(locale: null) { name } }' },
      {
        query: 'query($l: Locale) { articles(locale: $l) { totalCount } }',
        variables: { l: null },
      },
    ]) {
      const reply = await graphql(body)
      expect({ status: reply.status, code: reply.code, message: reply.message }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        message: '`locale` cannot be null: leave it out to use its default ("en").',
      })
    }
    // Left out, or a variable left unset, the default applies.
    const unset = await graphql({ query: 'query($l: Locale) { topics(locale: $l) { name } }' })
    expect(unset.status).toBe(200)
  })

  it.each([
    ['a NUL sort value', cursor(['\u0000', 1])],
    ['a NUL inside a sort value', cursor(['a\u0000b', 1])],
    ['a NUL id', cursor([null, '\u0000'])],
    ['an infinite number', Buffer.from('[1e999, 1]').toString('base64url')],
  ])('refuses a cursor with %s as not a cursor it returned', async (_name, after) => {
    for (const field of ['articles', 'supportGroups']) {
      const reply = await graphql({ query: `{ ${field}(after: "${after}") { totalCount } }` })
      expect({ field, code: reply.code, message: reply.message }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('is not a cursor this API returned'),
      })
    }
  })

  it.each([
    ['2,000 nested inline fragments (34 KB)', nestedInlineFragments(2_000)],
    [
      '5,000 nested selections',
      `{ topics ${'{ children '.repeat(5_000)}{ slug }${' }'.repeat(5_001)}`,
    ],
    [
      'a list argument nested 5,000 deep',
      `{ articles(first: ${'['.repeat(5_000)}1${']'.repeat(5_000)}) { totalCount } }`,
    ],
    [
      'an object argument nested 5,000 deep',
      `{ articles(filter: ${'{a:'.repeat(5_000)}1${'}'.repeat(5_000)}) { totalCount } }`,
    ],
  ])('refuses %s as too deep, not with a stack overflow', async (_name, query) => {
    const reply = await graphql({ query })
    expect({ status: reply.status, code: reply.code }).toEqual({
      status: 400,
      code: 'QUERY_TOO_DEEP',
    })
    expect(reply.message).toMatch(/nested too deeply/)
    expect(reply.text).not.toMatch(/call stack/i)
  })

  it('answers nested inline fragments under the text limit (they add no field depth)', async () => {
    const reply = await graphql({ query: nestedInlineFragments(60) })
    expect(reply.status).toBe(200)
  })

  it('refuses a chain of 1,200 named fragments (under the body limit) by the depth rule, not a stack overflow', async () => {
    const count = 1_200
    const fragments = Array.from(
      { length: count },
      (_, i) =>
        `fragment F${i} on Topic { ${i + 1 < count ? `children { ...F${i + 1} }` : 'slug'} }`,
    ).join(' ')
    const reply = await graphql({ query: `{ topics { ...F0 } } ${fragments}` })
    expect({ status: reply.status, code: reply.code }).toEqual({
      status: 400,
      code: 'QUERY_TOO_DEEP',
    })
    expect(reply.text).not.toMatch(/call stack/i)
  })

  it.each([
    ['a string', 'x'],
    ['an empty object', {}],
    ['version 2', { version: 2, sha256Hash: 'a'.repeat(64) }],
    ['a hash that is a number', { version: 1, sha256Hash: 5 }],
    ['a hash that is not SHA-256', { version: 1, sha256Hash: 'abc' }],
  ])('refuses a persistedQuery that is %s with a client error code', async (_name, pq) => {
    for (const reply of [
      await graphql({ query: '{ topics { slug } }', extensions: { persistedQuery: pq } }),
      await answer(
        await fetch(
          `${api.url}/graphql?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: pq }) })}`,
        ),
      ),
    ]) {
      expect({ status: reply.status, code: reply.code }).toEqual({
        status: 400,
        code: 'PERSISTED_QUERY_NOT_SUPPORTED',
      })
      expect(reply.message).toMatch(/version": 1/)
    }
  })

  it('answers a persisted query whose hash does not match its text with BAD_REQUEST', async () => {
    const reply = await graphql({
      query: '{ topics { slug } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    })
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 400, code: 'BAD_REQUEST' })
  })
})

describe('the REST API', () => {
  it.each([
    ['GET', '/api/articles/%C0%AE%C0%AE'],
    ['GET', '/api/topics/%C0%AE'],
    ['PATCH', '/api/articles/%C0%AE'],
    ['DELETE', '/api/articles/%C0%AE'],
    ['GET', '/api/articles/%C0%AE/versions'],
    ['GET', '/api/articles/versions/%C0%AE'],
    ['GET', '/api/globals/%C0%AE'],
    ['GET', '/api/%C0%AE'],
    ['POST', '/api/users/verify/%C0'],
    ['GET', '/api/articles/%E2%82'],
  ])('refuses %s %s (escapes that are not UTF-8) with a 400', async (method, path) => {
    const reply = await call(method, path)
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(/not UTF-8 text/)
  })

  const idShape = () =>
    payload.db.name === 'mongoose' ? /24 hexadecimal digits/ : /ids here are whole numbers/
  it.each([
    ['GET', '/api/articles/abc'],
    ['DELETE', '/api/articles/abc'],
    ['PATCH', '/api/articles/abc'],
    ['GET', '/api/articles/versions/abc'],
    ['POST', '/api/articles/abc/duplicate'],
    ['GET', '/api/articles/abc/preview-token'],
    ['POST', '/api/webhook-endpoints/1.5/test'],
    ['GET', '/api/users/NaN'],
  ])('refuses %s %s (an id of the wrong shape) with a 400', async (method, path) => {
    const reply = await call(method, path, {
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    })
    expect({ status: reply.status, message: reply.message }).toEqual({
      status: 400,
      message: expect.stringMatching(idShape()),
    })
  })

  it.each([
    'where[body.root][like]=a',
    'where[body.root.children][equals]=a',
    'where[body.root][exists]=true',
    'draft=true&where[or][0][body.root][like]=a',
  ])('refuses %s: rich text is queried as a whole', async (query) => {
    const reply = await call('GET', `/api/articles?${query}`)
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(/body is rich text and can only be queried as a whole/)
  })

  it('refuses a versions query into rich text the same way', async () => {
    const reply = await call('GET', '/api/articles/versions?where[version.body.root][like]=a')
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(/rich text/)
  })

  it('still answers a where on rich text as a whole', async () => {
    expect((await call('GET', '/api/articles?where[body][exists]=true')).status).toBe(200)
  })

  it.each([
    ['/api/articles?where[body][like]=a', /like works on text fields, not on richText fields/],
    ['/api/webhook-deliveries?where[changes][contains]=a', /not on json fields/],
    ['/api/webhook-deliveries?where[changes.id][in]=1,2', /inside the JSON field changes only/],
    ['/api/audit-log?where[details.x.y][greater_than]=1', /inside the JSON field details only/],
  ])('refuses %s (PostgreSQL cannot run it on jsonb)', async (path, message) => {
    const reply = await call('GET', path)
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(message)
  })

  it('refuses a collection Payload serves no REST API for with a 404, not its 501', async () => {
    const reply = await call('GET', '/api/payload-migrations')
    expect(reply.status).toBe(404)
    expect(reply.message).toMatch(/payload-migrations has no REST API/)
  })

  it('refuses the versions routes of a collection without versions with a 404', async () => {
    for (const path of ['/api/users/versions', '/api/users/versions/1']) {
      const reply = await call('GET', path)
      expect({ path, status: reply.status, message: reply.message }).toEqual({
        path,
        status: 404,
        message: 'users keeps no versions.',
      })
    }
  })

  it('checks a where on a global as on a collection', async () => {
    const reply = await call('GET', '/api/globals/payload-jobs-stats?where[stats.][equals]=')
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(/a field with an empty name/)
  })

  it('answers equals inside a JSON field', async () => {
    const reply = await call('GET', '/api/webhook-deliveries?where[changes.id][equals]=1')
    expect(reply.status).toBe(200)
  })

  it('refuses POST /api/users/verify/abc: users are not verified by email', async () => {
    const reply = await call('POST', '/api/users/verify/abc')
    expect(reply.status).toBe(404)
    expect(reply.message).toMatch(/Email verification is not used for users/)
  })

  it('refuses a where on a field that does not exist with a 400', async () => {
    const reply = await call('GET', '/api/articles?where[nope][equals]=1')
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(/cannot be queried: nope/)
  })

  it('refuses malformed multipart with a 400', async () => {
    const reply = await call('POST', '/api/media', {
      headers: { 'content-type': 'multipart/form-data; boundary=zz' },
      body: '--zz\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc',
    })
    expect(reply.status).toBe(400)
    expect(reply.message).toMatch(/multipart body is malformed/)
  })

  it('deletes a webhook endpoint together with its deliveries', async () => {
    const endpoint = await createEndpoint(payload, { url: 'http://127.0.0.1:9/hook' })
    await sendTestEvent(payload, endpoint.id)
    await sendTestEvent(payload, endpoint.id)
    expect(await deliveriesFor(payload, endpoint.id)).toHaveLength(2)
    const other = await createEndpoint(payload, { url: 'http://127.0.0.1:9/other' })
    await sendTestEvent(payload, other.id)

    const reply = await call('DELETE', `/api/webhook-endpoints/${endpoint.id}`)
    expect(reply.status).toBe(200)
    expect(await deliveriesFor(payload, endpoint.id)).toHaveLength(0)
    // Only that endpoint's log goes.
    expect(await deliveriesFor(payload, other.id)).toHaveLength(1)
  })
})

describe('what the requests above logged', () => {
  const lines = () =>
    logged
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg?: string; err?: unknown })

  it('has no error-level line: every failure was the request’s', () => {
    expect(lines().filter((line) => line.level >= 50)).toEqual([])
  })

  it('has no stack trace or SQL in any line', () => {
    expect(logged).not.toMatch(/\n\s+at |"stack"|Failed query|select .* from/i)
  })

  it('logged the refusals Payload met below its routes at info', () => {
    const refusals = lines().filter(
      (line) => line.level === 30 && /^refused: /.test(line.msg ?? ''),
    )
    expect(refusals.map((line) => line.msg)).toEqual(
      expect.arrayContaining([expect.stringMatching(/multipart body is malformed/)]),
    )
  })
})
