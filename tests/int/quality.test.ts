import type { Payload } from 'payload'

import type { StoredFinding } from '../../src/checks/types'
import { decodeText } from '../../src/import/decodeText'
import { parseArticleText } from '../../src/import/parseArticleText'
import { toLexical, type TextBlock } from '../../src/lib/lexical'
import { seedBlockedPhrases } from '../../src/quality/seedBlockedPhrases'
import { demoArticles } from '../../src/seed/demoArticles'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { readSeeds, sampleArticles } from '../helpers/qualitySampleArticles'

let t: TestPayload
let payload: Payload
let reviewer: Awaited<ReturnType<typeof createUser>>
const seeds = readSeeds().map(({ bytes }) => parseArticleText(decodeText(bytes)))
const QUALITY = ['duplicate', 'title-mismatch', 'blocked-phrase']

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  await seedBlockedPhrases(payload)
  reviewer = await createUser(payload, ['reviewer'])
}, 120_000)

afterAll(async () => t?.stop(), 60_000)

let created = 0
const create = (title: string, blocks: TextBlock[], status: 'draft' | 'published' = 'draft') =>
  payload.create({
    collection: 'articles',
    draft: status === 'draft',
    depth: 0,
    data: { title, slug: `quality-${++created}`, body: toLexical(blocks), _status: status },
  })

/** The messages of a refused save (Payload puts each field's message in error.data.errors). */
const refusal = async (save: Promise<unknown>) => {
  try {
    await save
  } catch (error) {
    const errors = (error as { data?: { errors?: Array<{ message: string }> } }).data?.errors
    return (errors ?? []).map((e) => e.message).join('\n')
  }
  return 'saved'
}

const findingsOf = async (id: string | number) =>
  ((await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).findings ??
    []) as StoredFinding[]

const publish = (id: string | number, data: Record<string, unknown> = {}) =>
  payload.update({ collection: 'articles', id, data: { ...data, _status: 'published' }, depth: 0 })

describe("Haven's demo articles and distinct articles on the same subjects", () => {
  it('raise none of the quality flags and publish', async () => {
    for (const a of [...demoArticles, ...sampleArticles.slice(0, 4)]) {
      const doc = await create(a.title, a.blocks, 'published')
      const flags = ((doc.findings ?? []) as StoredFinding[]).filter((f) =>
        QUALITY.includes(f.check),
      )
      expect({ title: a.title, flags }).toEqual({ title: a.title, flags: [] })
      expect(doc._status).toBe('published')
    }
  })
})

describe('spun duplicates', () => {
  let first: { id: string | number }
  let second: { id: string | number }

  beforeAll(async () => {
    first = await create('Benefits of peer support groups', seeds[0].blocks)
    second = await create('Why join a peer support group', seeds[1].blocks)
  })

  it('flags a rewrite of an existing article, with its score and id', async () => {
    const findings = (await findingsOf(second.id)).filter((f) => f.check === 'duplicate')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      related: String(first.id),
      match: 'Benefits of peer support groups',
    })
    expect(findings[0].score).toBeGreaterThanOrEqual(0.3)
    expect(findings[0].message).toContain(`/admin/collections/articles/${first.id}`)
  })

  it('refuses to publish the duplicate until a reviewer overrides the finding', async () => {
    expect(await refusal(publish(second.id))).toMatch(/reworded copy/)
    const findings = await findingsOf(second.id)
    await payload.update({
      collection: 'articles',
      id: second.id,
      draft: true,
      user: reviewer,
      overrideAccess: false,
      data: {
        findings: findings.map(({ check, field, match, related }) => ({
          ...{ check, field, match, related },
          overrideReason: 'Regional edition, approved',
        })),
      },
    })
    const published = await publish(second.id)
    expect(published._status).toBe('published')
  })

  it('keeps the index current: a deleted article is no longer a duplicate of anything', async () => {
    await payload.delete({ collection: 'articles', id: first.id })
    const left = await payload.find({
      collection: 'article-signatures',
      where: { article: { equals: first.id } },
    })
    expect(left.totalDocs).toBe(0)
    const third = await create('Peer support: the benefits', seeds[2].blocks)
    const related = (await findingsOf(third.id)).filter((f) => f.check === 'duplicate')
    expect(related.map((f) => f.related)).toEqual([String(second.id)])
  })

  it('notices when an edit turns an article into a copy', async () => {
    const own = sampleArticles[5]
    const doc = await create(own.title, own.blocks)
    expect((await findingsOf(doc.id)).filter((f) => f.check === 'duplicate')).toEqual([])
    await payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { body: toLexical(seeds[0].blocks) },
    })
    expect((await findingsOf(doc.id)).some((f) => f.check === 'duplicate')).toBe(true)
  })
})

describe('title–body mismatch', () => {
  it('flags a title the body does not treat, and clears when retitled', async () => {
    const peer = sampleArticles[6]
    const doc = await create('Dialectical behaviour therapy explained', peer.blocks)
    const mismatch = (await findingsOf(doc.id)).filter((f) => f.check === 'title-mismatch')
    expect(mismatch).toHaveLength(1)
    expect(mismatch[0].message).toContain('dialectical behaviour therapy')
    expect(await refusal(publish(doc.id))).toMatch(/title promises/)
    const retitled = await publish(doc.id, { title: peer.title })
    expect(retitled._status).toBe('published')
  })
})

describe('blocked phrases', () => {
  it('starts from the seeded list and flags a phrase an admin adds, in any case', async () => {
    expect((await payload.count({ collection: 'blocked-phrases' })).totalDocs).toBeGreaterThan(10)
    const admin = await createUser(payload, ['admin'])
    await payload.create({
      collection: 'blocked-phrases',
      data: { phrase: '  Sunrise   Wellness Retreat ', reason: 'Advertiser' },
      user: admin,
      overrideAccess: false,
    })
    const blocks = [
      ...sampleArticles[4].blocks,
      { type: 'paragraph' as const, text: 'Book a stay at the SUNRISE wellness retreat today.' },
    ]
    const doc = await create(sampleArticles[4].title, blocks)
    const found = (await findingsOf(doc.id)).filter((f) => f.check === 'blocked-phrase')
    expect(found.map((f) => [f.field, f.match])).toEqual([['body', 'SUNRISE wellness retreat']])
    expect(await refusal(publish(doc.id))).toMatch(/blocked phrase list/)
    const cleaned = await publish(doc.id, { body: toLexical(sampleArticles[4].blocks) })
    expect(cleaned._status).toBe('published')
  })

  it('lets only admins change the list, and keeps it from anonymous readers', async () => {
    const editor = await createUser(payload, ['editor'])
    await expect(
      payload.create({
        collection: 'blocked-phrases',
        data: { phrase: 'spam offer' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      payload.find({ collection: 'blocked-phrases', overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('topic suggestions', () => {
  it('suggests an existing topic the body keeps mentioning, then key phrases', async () => {
    await payload.create({ collection: 'topics', data: { name: 'Peer support' } })
    const doc = await create(seeds[0].title, seeds[0].blocks)
    const stored = await payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(stored.suggestedTopics?.[0]).toBe('Peer support')
    expect(stored.suggestedTopics?.length).toBeGreaterThan(1)
  })

  it('shows import and suggestion fields to staff only', async () => {
    const published = await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      overrideAccess: false,
      depth: 0,
    })
    expect(published.totalDocs).toBeGreaterThan(0)
    for (const doc of published.docs) {
      expect(doc).not.toHaveProperty('suggestedTopics')
      expect(doc).not.toHaveProperty('importSource')
    }
  })
})
