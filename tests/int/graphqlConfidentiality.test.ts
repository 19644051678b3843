import crypto from 'node:crypto'
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql'
import type { Payload } from 'payload'

import { signPreviewToken } from '../../src/graphql/preview/previewToken'
import { startPayload, type TestPayload } from '../helpers/payload'
import { body, createUser } from '../helpers/fixtures'
import {
  createArticle,
  createGroup,
  createImage,
  createTopic,
  startApi,
  type Api,
} from '../helpers/graphqlApi'

// Lower-case letters and digits only, so the same token is valid in slugs, emails and URLs.
const DRAFT = `zqdraft${crypto.randomBytes(4).toString('hex')}`
const PRIVATE = `zqprivate${crypto.randomBytes(4).toString('hex')}`

let t: TestPayload
let payload: Payload
let api: Api
const slugs: string[] = []
const tokens: { valid: string[]; invalid: string[] } = { valid: [], invalid: [] }

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  const author = await createUser(payload, ['editor'], 'Dr Sentinel')
  await payload.update({
    collection: 'users',
    id: author.id,
    data: { email: `${PRIVATE}-author@example.test` },
  })
  // A coordinator's identity is private: they run a group, they do not sign articles.
  const coordinator = await createUser(payload, ['coordinator'], `Coordinator ${PRIVATE}`)
  await payload.update({
    collection: 'users',
    id: coordinator.id,
    data: { email: `${PRIVATE}-coord@example.test` },
  })
  const topic = await createTopic(payload, 'Sentinel topic')
  const child = await createTopic(payload, 'Sentinel child', topic.id)
  const image = await createImage(payload, 'Sentinel image')

  const published = await createArticle(payload, {
    title: 'Published sentinel article',
    summary: 'Public summary',
    topics: [child.id],
    author: author.id,
    reviewer: author.id,
    heroImage: image.id,
    sources: [{ title: 'Public source' }],
    contentWarnings: ['trauma'],
  })
  await payload.update({
    collection: 'articles',
    id: published.id,
    data: { slug: 'sentinel-renamed', _status: 'published' },
  })
  // A newer draft over the published article: the public keeps seeing the published text.
  await payload.update({
    collection: 'articles',
    id: published.id,
    draft: true,
    data: {
      title: `Draft title ${DRAFT}`,
      summary: DRAFT,
      body: body(DRAFT),
      sources: [{ title: DRAFT }],
      _status: 'draft',
    },
  })
  const draftOnly = await payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: `Unpublished ${DRAFT}`,
      slug: `${DRAFT}-article`,
      summary: DRAFT,
      body: body(`Secret body ${DRAFT}`),
      topics: [topic.id],
      author: author.id,
      heroImage: image.id,
      _status: 'draft',
    },
  })

  const privateFields = {
    address: `1 Hidden Road ${PRIVATE}`,
    accessInstructions: `Knock twice ${PRIVATE}`,
    meetingLink: `https://meet.example.test/${PRIVATE}`,
    meetingLinkIsPublic: false,
    facilitatorContact: {
      name: `Fac ${PRIVATE}`,
      phone: `+44 ${PRIVATE}`,
      email: `${PRIVATE}@example.test`,
    },
    internalNotes: `Notes ${PRIVATE}`,
  }
  const group = await createGroup(payload, {
    name: 'Sentinel group',
    description: 'Public description',
    topics: [topic.id],
    languages: ['en'],
    format: 'online',
    coordinators: [coordinator.id],
    area: { city: 'Leeds', region: 'West Yorkshire', country: 'GB', lat: 53.8, lng: -1.55 },
    private: privateFields,
  })
  await payload.update({
    collection: 'support-groups',
    id: group.id,
    draft: true,
    data: { name: `Draft group ${DRAFT}`, description: DRAFT, _status: 'draft' },
  })
  const draftGroup = await payload.create({
    collection: 'support-groups',
    draft: true,
    data: {
      name: `Unpublished group ${DRAFT}`,
      slug: `${DRAFT}-group`,
      facilitation: 'peer-led',
      format: 'hybrid',
      schedule: {
        timezone: 'Europe/London',
        weekly: [{ weekdays: ['monday'], startTime: '10:00' }],
      },
      area: { city: 'Leeds', country: 'GB', lat: 53.8, lng: -1.55 },
      coordinators: [coordinator.id],
      private: { ...privateFields, meetingLinkIsPublic: true },
      _status: 'draft',
    },
  })

  slugs.push(
    'published-sentinel-article',
    'sentinel-renamed',
    `${DRAFT}-article`,
    'sentinel-group',
    `${DRAFT}-group`,
    'sentinel-topic',
    'sentinel-child',
    PRIVATE,
  )
  const secret = payload.secret
  tokens.valid.push(
    signPreviewToken(secret, { collection: 'articles', id: draftOnly.id }),
    signPreviewToken(secret, { collection: 'articles', id: published.id }),
    signPreviewToken(secret, { collection: 'support-groups', id: group.id }),
    signPreviewToken(secret, { collection: 'support-groups', id: draftGroup.id }),
  )
  tokens.invalid.push(
    'not-a-token',
    signPreviewToken('another-secret-another-secret-000', {
      collection: 'articles',
      id: draftOnly.id,
    }),
    signPreviewToken(
      secret,
      { collection: 'articles', id: draftOnly.id },
      60,
      Date.now() - 3600_000,
    ),
    tokens.valid[0].slice(0, -2) + 'xx',
  )
  api = await startApi(payload, { maxCost: 1_000_000, maxDepth: 20, introspection: true })
}, 180_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

/** Literal values to try for an argument or input field, chosen by name, then by type. */
function literals(name: string, type: GraphQLInputType, previewTokens: string[]): string[] {
  const named = getNamedType(type)
  const list = isListType(isNonNullType(type) ? type.ofType : type)
  const q = (s: string) => JSON.stringify(s)
  let values: string[]
  if (isEnumType(named)) values = named.getValues().map((v) => v.name)
  else if (isInputObjectType(named)) values = inputObjects(named, previewTokens)
  else if (name === 'slug' || name === 'topic') values = slugs.map(q)
  else if (name === 'previewToken') values = previewTokens.map(q)
  else if (name === 'query' || name === 'search')
    values = ['sentinel', 'circle', DRAFT, PRIVATE, 'Hidden Road', 'x'].map(q)
  else if (name === 'country') values = ['"GB"', '"gb"', '"ZZ"', '"1"']
  else if (name === 'language') values = ['"en"', '"EN!"']
  else if (name === 'after') values = ['"garbage"', q(Buffer.from('[1,2]').toString('base64url'))]
  else if (name === 'lat') values = ['53.8', '91']
  else if (name === 'lng') values = ['-1.55', '-181']
  else if (name === 'radiusKm') values = ['50', '0', '501']
  else if (named.name === 'Int') values = ['1', '3', '100', '101', '0', '-1']
  else if (named.name === 'Float') values = ['1.5']
  else if (named.name === 'Boolean') values = ['true', 'false']
  else values = ['"sentinel"', q(DRAFT), q(PRIVATE)]
  return list ? [`[${values.join(', ')}]`, ...values.map((v) => `[${v}]`)] : values
}

function inputObjects(type: GraphQLNamedType, previewTokens: string[]): string[] {
  if (!isInputObjectType(type)) return []
  const fields = Object.values(type.getFields())
  const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
  const base = required.map((f) => `${f.name}: ${literals(f.name, f.type, previewTokens)[0]}`)
  const out = new Set<string>([`{ ${base.join(', ')} }`])
  for (const field of fields) {
    for (const value of literals(field.name, field.type, previewTokens)) {
      const others = base.filter((b) => !b.startsWith(`${field.name}:`))
      out.add(`{ ${[...others, `${field.name}: ${value}`].join(', ')} }`)
    }
  }
  return [...out]
}

/** Every field reachable from `type`, `depth` levels down, with required arguments filled. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type)) {
    return [
      '__typename',
      ...type.getTypes().map((m) => `... on ${m.name} { ${selection(m, depth)} }`),
    ].join(' ')
  }
  if (!isObjectType(type)) return ''
  const parts: string[] = []
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type)
    const args = field.args
      .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
      .map((a) => `${a.name}: ${literals(a.name, a.type, [])[0]}`)
    const call = args.length ? `${field.name}(${args.join(', ')})` : field.name
    if (isLeafType(named)) parts.push(call)
    else if (depth > 0) parts.push(`${call} { ${selection(named, depth - 1)} }`)
  }
  return parts.join(' ') || '__typename'
}

/** Queries for every root field: each argument varied in turn over its values. */
function crawlQueries(schema: GraphQLSchema, previewTokens: string[], depth = 5): string[] {
  const queries: string[] = []
  for (const field of Object.values(schema.getQueryType()!.getFields()) as GraphQLField<
    unknown,
    unknown
  >[]) {
    const sub = isLeafType(getNamedType(field.type))
      ? ''
      : ` { ${selection(getNamedType(field.type), depth)} }`
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    const base = (skip?: GraphQLArgument) =>
      required
        .filter((a) => a !== skip)
        .map((a) => `${a.name}: ${literals(a.name, a.type, previewTokens)[0]}`)
    const call = (args: string[]) =>
      `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''}${sub} }`
    queries.push(call(base()))
    for (const arg of field.args) {
      for (const value of literals(arg.name, arg.type, previewTokens)) {
        queries.push(call([...base(arg), `${arg.name}: ${value}`]))
      }
    }
  }
  return [...new Set(queries)]
}

async function crawl(previewTokens: string[]) {
  const intro = await api.post(getIntrospectionQuery())
  expect(intro.status).toBe(200)
  const schema = buildClientSchema(intro.json.data)
  const queries = crawlQueries(schema, previewTokens)
  const replies = []
  for (const query of queries) replies.push({ query, ...(await api.post(query)) })
  // GET with the same queries exercises the other transport path and the response cache.
  for (const query of queries.slice(0, 40)) replies.push({ query, ...(await api.get({ query })) })
  return { schema, replies }
}

describe('confidential by construction: a crawl of every query the schema allows', () => {
  it('never shows a draft or a private field, in data or in errors', async () => {
    const { schema, replies } = await crawl(tokens.invalid)
    const roots = Object.keys(schema.getQueryType()!.getFields())
    expect(roots).toEqual(
      expect.arrayContaining([
        'article',
        'articles',
        'topic',
        'topics',
        'supportGroup',
        'supportGroups',
        'search',
        'crisisResources',
      ]),
    )
    expect(replies.length).toBeGreaterThan(150)
    for (const reply of replies) {
      const text = reply.text.toLowerCase()
      if (text.includes(DRAFT) || text.includes(PRIVATE)) {
        throw new Error(
          `Canary leaked (HTTP ${reply.status}) for query:\n${reply.query}\n${reply.text.slice(0, 2000)}`,
        )
      }
      expect(reply.status).toBeLessThan(500)
      expect(reply.text).not.toMatch(/\bat .+\.(ts|js):\d+/) // no stack traces
    }
    // The crawl really reached the published content (so the checks above meant something).
    const all = replies.map((r) => r.text).join('\n')
    for (const visible of [
      'Published sentinel article',
      'Public summary',
      'Public source',
      'Sentinel group',
      'Public description',
      'Dr Sentinel',
      'Sentinel image',
      'Sentinel child',
      'West Yorkshire',
    ]) {
      expect(all).toContain(visible)
    }
    const ok = replies.filter((r) => r.status === 200 && !r.json?.errors)
    const failed = replies.filter((r) => r.json?.errors)
    expect(ok.length).toBeGreaterThan(100)
    expect(failed.length).toBeGreaterThan(10) // bad arguments and bad tokens were tried too
    for (const r of failed) expect(r.json.errors[0].message).not.toBe('Internal server error.')
  }, 300_000)

  it('a valid preview token shows its draft, and still no private field', async () => {
    const { replies } = await crawl(tokens.valid)
    const all = replies.map((r) => r.text.toLowerCase()).join('\n')
    expect(all).toContain(`unpublished ${DRAFT}`)
    expect(all).toContain(`draft group ${DRAFT}`)
    expect(all).not.toContain(PRIVATE)
    const preview = await api.post(
      `{ article(slug: "x", previewToken: "${tokens.valid[0]}") { title } }`,
    )
    expect(preview.headers.get('cache-control')).toBe('no-store')
    expect(preview.json.data.article.title).toBe(`Unpublished ${DRAFT}`)
  }, 300_000)

  it('the Meeting Guide feed shows only public links and no private field', async () => {
    const res = await fetch(`${api.url}/feeds/meeting-guide.json`)
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text.toLowerCase()).not.toContain(PRIVATE)
    expect(text.toLowerCase()).not.toContain(DRAFT)
    const feed = JSON.parse(text)
    expect(feed).toEqual([
      expect.objectContaining({
        name: 'Sentinel group',
        day: 2,
        time: '18:30',
        timezone: 'Europe/London',
        approximate: 'yes',
        attendance_option: 'online',
        regions: ['West Yorkshire', 'Leeds'],
      }),
    ])
    expect(feed[0].conference_url).toBeUndefined()
  })
})
