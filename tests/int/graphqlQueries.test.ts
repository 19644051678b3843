import type { Payload } from 'payload'

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

let t: TestPayload
let payload: Payload
let api: Api
const ids: Record<string, number> = {}

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  const author = await createUser(payload, ['editor'], 'Dr Ada Writer')
  await payload.update({
    collection: 'users',
    id: author.id,
    data: { credentials: 'RMN, MSc', bio: 'Nurse and writer.' },
  })
  const reviewer = await createUser(payload, ['reviewer'], 'Prof Rev')
  const therapies = await createTopic(payload, 'Therapies')
  const dbt = await createTopic(payload, 'DBT', therapies.id)
  const crisis = await createTopic(payload, 'Crisis', undefined, { isCrisisRelated: true })
  await payload.update({ collection: 'topics', id: dbt.id, locale: 'es', data: { name: 'TDC' } })
  const image = await createImage(payload, 'Blue square')
  ids.image = image.id
  for (let i = 1; i <= 5; i++) {
    const a = await createArticle(payload, {
      title: `Skills article ${i}`,
      summary: `Summary ${i}`,
      topics: [i % 2 ? dbt.id : crisis.id],
      author: author.id,
      reviewer: reviewer.id,
      heroImage: image.id,
      sources: [{ title: 'NICE guideline', year: 2022, url: 'https://example.org/nice' }],
      publishedAt: new Date(Date.UTC(2025, 0, i)).toISOString(),
      body: body(`Body of article ${i}.`, 'Second <b>para</b>.'),
    })
    ids[`a${i}`] = a.id
  }
  // Renaming a published article keeps the old slug resolving.
  await payload.update({
    collection: 'articles',
    id: ids.a2,
    data: { slug: 'renamed-article', _status: 'published' },
  })
  await createGroup(payload, {
    name: 'Leeds circle',
    topics: [dbt.id],
    languages: ['en'],
    openToNewMembers: true,
    area: { city: 'Leeds', country: 'GB', lat: 53.8, lng: -1.55 },
  })
  await createGroup(payload, {
    name: 'York circle',
    languages: ['en', 'es'],
    openToNewMembers: false,
    format: 'hybrid',
    area: { city: 'York', country: 'GB', lat: 53.96, lng: -1.08 },
  })
  const madrid = await createGroup(payload, {
    name: 'Madrid grupo',
    languages: ['es'],
    openToNewMembers: true,
    area: { city: 'Madrid', country: 'ES', lat: 40.42, lng: -3.7 },
    schedule: {
      timezone: 'Europe/Madrid',
      weekly: [{ weekdays: ['monday', 'thursday'], startTime: '19:00', endTime: '20:30' }],
    },
  })
  await payload.update({
    collection: 'support-groups',
    id: madrid.id,
    locale: 'es',
    data: {
      name: 'Grupo de Madrid',
      description: 'Grupo de apoyo en Madrid',
      _status: 'published',
    },
  })
  await payload.updateGlobal({
    slug: 'crisis-resources',
    data: {
      helplines: [
        { country: 'GB', name: 'Samaritans', phone: '116 123', hours: '24/7' },
        { country: 'ES', name: 'Teléfono de la Esperanza', phone: '717 003 717' },
      ],
    },
  })
  api = await startApi(payload)
}, 180_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

const data = async (query: string, variables?: object) => {
  const res = await api.post(query, variables)
  expect(res.json.errors).toBeUndefined()
  expect(res.status).toBe(200)
  return res.json.data
}

describe('the public GraphQL API', () => {
  it('pages articles by topic (subtopics included) with topics, author and image', async () => {
    const q = `query($after: String) { articles(filter: {topic: "therapies"}, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { title topics { slug parent { slug } } author { displayName credentials bio }
              heroImage { alt width height url sizes { name url width } } } } }`
    const page1 = (await data(q)).articles
    expect(page1.totalCount).toBe(3)
    expect(page1.nodes.map((n: any) => n.title)).toEqual(['Skills article 5', 'Skills article 3'])
    expect(page1.nodes[0].topics[0]).toEqual({ slug: 'dbt', parent: { slug: 'therapies' } })
    expect(page1.nodes[0].author).toEqual({
      displayName: 'Dr Ada Writer',
      credentials: 'RMN, MSc',
      bio: 'Nurse and writer.',
    })
    expect(page1.nodes[0].heroImage.alt).toBe('Blue square')
    expect(page1.nodes[0].heroImage.sizes.map((s: any) => s.name)).toEqual(['thumbnail', 'card'])
    expect(page1.nodes[0].heroImage.sizes[1].width).toBe(768)
    expect(page1.pageInfo.hasNextPage).toBe(true)
    const page2 = (await data(q, { after: page1.pageInfo.endCursor })).articles
    expect(page2.nodes.map((n: any) => n.title)).toEqual(['Skills article 1'])
    expect(page2.pageInfo.hasNextPage).toBe(false)
  })

  it('reads one article with its HTML and JSON body, by current or old slug', async () => {
    const q = `query($slug: String!) { article(slug: $slug) { slug title bodyHtml bodyJson
      sources { title year url } showCrisisResources reviewedBy { displayName } } }`
    const a = (await data(q, { slug: 'skills-article-1' })).article
    expect(a.bodyHtml).toBe('<p>Body of article 1.</p><p>Second &lt;b&gt;para&lt;/b&gt;.</p>')
    expect(a.bodyJson.root.children).toHaveLength(2)
    expect(a.sources).toEqual([
      { title: 'NICE guideline', year: 2022, url: 'https://example.org/nice' },
    ])
    expect(a.reviewedBy.displayName).toBe('Prof Rev')
    expect(a.showCrisisResources).toBe(false)
    const old = (await data(q, { slug: 'skills-article-2' })).article
    expect(old.slug).toBe('renamed-article')
    expect(old.showCrisisResources).toBe(true)
    expect((await data(q, { slug: 'no-such-article' })).article).toBeNull()
  })

  it('reads in Spanish with fallback to English', async () => {
    const q = `{ articles(locale: es, first: 1, sort: OLDEST) { nodes { title locale topics { name parent { name } } } } }`
    expect((await data(q)).articles.nodes).toEqual([
      {
        title: 'Skills article 1',
        locale: 'es',
        topics: [{ name: 'TDC', parent: { name: 'Therapies' } }],
      },
    ])
    const g = `{ supportGroup(slug: "madrid-grupo", locale: es) { name description } }`
    expect((await data(g)).supportGroup).toEqual({
      name: 'Grupo de Madrid',
      description: 'Grupo de apoyo en Madrid',
    })
    const en = `{ supportGroup(slug: "madrid-grupo") { description } }`
    expect((await data(en)).supportGroup).toEqual({ description: null })
  })

  it('returns the topic tree', async () => {
    const topics = (await data(`{ topics { slug children { slug } } }`)).topics
    expect(topics).toEqual([
      { slug: 'crisis', children: [] },
      { slug: 'therapies', children: [{ slug: 'dbt' }] },
    ])
    expect((await data(`{ topic(slug: "dbt") { name parent { name } } }`)).topic).toEqual({
      name: 'DBT',
      parent: { name: 'Therapies' },
    })
  })

  it('finds open groups near a point with their next three meetings in local time', async () => {
    const q = `{ supportGroups(filter: {near: {lat: 53.8, lng: -1.5, radiusKm: 60}, openToNewMembers: true}) {
      totalCount nodes { name distanceKm timezone nextMeetings(count: 3) { start localStartTime weekday timezone } } } }`
    const groups = (await data(q)).supportGroups
    expect(groups.nodes.map((g: any) => g.name)).toEqual(['Leeds circle'])
    const meetings = groups.nodes[0].nextMeetings
    expect(meetings).toHaveLength(3)
    for (const m of meetings) {
      expect(m).toMatchObject({
        localStartTime: '18:30',
        weekday: 'tuesday',
        timezone: 'Europe/London',
      })
      expect(new Date(m.start).getTime()).toBeGreaterThan(Date.now())
    }
    const near = `{ supportGroups(filter: {near: {lat: 53.8, lng: -1.5, radiusKm: 100}}) { nodes { name distanceKm } } }`
    const all = (await data(near)).supportGroups.nodes
    expect(all.map((g: any) => g.name)).toEqual(['Leeds circle', 'York circle'])
    expect(all[0].distanceKm).toBeLessThan(all[1].distanceKm)
  })

  it('filters groups by format and language and pages them', async () => {
    const q = `{ supportGroups(filter: {language: "es"}, first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { slug format } } }`
    const page = (await data(q)).supportGroups
    expect(page.totalCount).toBe(2)
    expect(page.nodes).toEqual([{ slug: 'madrid-grupo', format: 'in_person' }])
    const hybrid = (await data(`{ supportGroups(filter: {format: hybrid}) { nodes { slug } } }`))
      .supportGroups
    expect(hybrid.nodes).toEqual([{ slug: 'york-circle' }])
  })

  it('searches articles and groups', async () => {
    const q = `{ search(query: "circle") { __typename ... on SupportGroup { name } ... on Article { title } } }`
    const hits = (await data(q)).search
    expect(hits.map((h: any) => h.name).sort()).toEqual(['Leeds circle', 'York circle'])
    const both = (
      await data(`{ search(query: "skills article 3") { __typename ... on Article { title } } }`)
    ).search
    expect(both).toEqual([{ __typename: 'Article', title: 'Skills article 3' }])
  })

  it('lists crisis resources by country', async () => {
    const res = (
      await data(`{ crisisResources(country: "gb") { helplines { name phone hours } } }`)
    ).crisisResources
    expect(res.helplines).toEqual([{ name: 'Samaritans', phone: '116 123', hours: '24/7' }])
  })

  it('filters by content warning', async () => {
    await createArticle(payload, { title: 'Loss and grief', contentWarnings: ['bereavement'] })
    const only = (
      await data(
        `{ articles(filter: {contentWarning: bereavement}) { nodes { title contentWarnings showCrisisResources } } }`,
      )
    ).articles.nodes
    expect(only).toEqual([
      { title: 'Loss and grief', contentWarnings: ['bereavement'], showCrisisResources: true },
    ])
    const without = (
      await data(
        `{ articles(filter: {excludeContentWarnings: [bereavement]}, first: 50) { totalCount } }`,
      )
    ).articles
    expect(without.totalCount).toBe(5)
  })
})
