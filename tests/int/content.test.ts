import type { Payload } from 'payload'

import { addMonths } from '../../src/fields/reviewDates'
import { seed } from '../../src/seed'
import { demoArticles } from '../../src/seed/demoArticles'
import { body } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload({ HAVEN_REVIEW_INTERVAL_MONTHS: '6' })
  payload = t.payload
}, 120_000)
afterAll(async () => t?.stop())

describe('slugs', () => {
  it('are generated from the title, and an old published slug keeps leading to the item', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Coping with Panic & Worry', body: body('Text.'), _status: 'published' },
      context: { skipContentChecks: true },
    })
    expect(doc.slug).toBe('coping-with-panic-and-worry')
    const renamed = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { slug: 'coping-with-panic', _status: 'published' },
      context: { skipContentChecks: true },
    })
    expect(renamed.previousSlugs?.map((s) => s.slug)).toEqual(['coping-with-panic-and-worry'])
    const byOld = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { 'previousSlugs.slug': { equals: 'coping-with-panic-and-worry' } },
    })
    expect(byOld.docs.map((d) => d.id)).toEqual([doc.id])
  })

  it('must be unique', async () => {
    await payload.create({ collection: 'topics', data: { name: 'Sleep' } })
    await expect(
      payload.create({ collection: 'topics', data: { name: 'Sleep' } }),
    ).rejects.toThrow()
  })

  it('normalises a typed slug to a URL-safe form', async () => {
    const doc = await payload.create({ collection: 'topics', data: { name: 'X', slug: 'Not OK!' } })
    expect(doc.slug).toBe('not-ok')
  })
})

describe('review dates', () => {
  it('nextReviewDue defaults to lastReviewedAt plus the configured months', async () => {
    const reviewed = '2026-01-31T00:00:00.000Z'
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Review date test', lastReviewedAt: reviewed },
      draft: true,
    })
    expect(doc.nextReviewDue).toBe(addMonths(reviewed, 6))
    expect(doc.nextReviewDue?.slice(0, 10)).toBe('2026-07-31')
  })
})

describe('demo content', () => {
  it('seeds an admin with a generated password, the topic tree, articles and groups, once', async () => {
    const first = await seed(payload)
    expect(first.created).toBeGreaterThan(demoArticles.length)
    const again = await seed(payload)
    expect(again.created).toBe(0)

    const published = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      limit: 50,
    })
    for (const article of demoArticles) {
      expect(published.docs.map((d) => d.title)).toContain(article.title)
    }
    const dbt = await payload.find({
      collection: 'topics',
      where: { slug: { equals: 'dbt' } },
      depth: 1,
    })
    expect((dbt.docs[0].parent as { slug?: string }).slug).toBe('therapies')

    const groups = await payload.find({ collection: 'support-groups', overrideAccess: false })
    expect(groups.docs.length).toBe(3)
    expect(JSON.stringify(groups)).not.toContain('DEMO DATA')
  })
})
