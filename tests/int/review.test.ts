import type { Payload } from 'payload'

import { addMonths } from '../../src/fields/reviewDates'
import { dueForReview } from '../../src/review/dueForReview'
import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

type User = Awaited<ReturnType<typeof createUser>>

let t: TestPayload
let payload: Payload
let author: User
let reviewer: User
let reviewerAuthor: User

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  author = await createUser(payload, ['editor'], 'Alex Author')
  reviewer = await createUser(payload, ['reviewer'], 'Dr Rae Reviewer')
  reviewerAuthor = await createUser(payload, ['editor', 'reviewer'], 'Sam Both')
}, 120_000)
afterAll(async () => t?.stop())

const as = (user: User) => ({ user, overrideAccess: false, depth: 0 }) as const

async function draftBy(user: User, title: string, text = 'Plain, general information.') {
  return payload.create({
    collection: 'articles',
    data: { title, body: body(text) },
    draft: true,
    ...as(user),
  })
}

const setStatus = (user: User, id: number | string, status: string, extra = {}) =>
  payload.update({
    collection: 'articles',
    id,
    data: { review: { status }, ...extra } as never,
    draft: true,
    ...as(user),
  })

const publish = (user: User, id: number | string) =>
  payload.update({ collection: 'articles', id, data: { _status: 'published' }, ...as(user) })

const publicBody = async (id: number | string) => {
  const res = await payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    overrideAccess: false,
    depth: 0,
  })
  return res.docs[0] ? JSON.stringify(res.docs[0].body) : null
}

describe('approval', () => {
  it('an author cannot approve their own article, even holding the reviewer role', async () => {
    const own = await draftBy(author, 'Own article')
    await expect(setStatus(author, own.id, 'approved')).rejects.toThrow(/Only a reviewer/)

    const both = await draftBy(reviewerAuthor, 'Written by a reviewer')
    await setStatus(reviewerAuthor, both.id, 'in-review')
    await expect(setStatus(reviewerAuthor, both.id, 'approved')).rejects.toThrow(
      /author of this article/,
    )
    const stored = await payload.findByID({ collection: 'articles', id: both.id, draft: true })
    expect(stored.review?.status).toBe('in-review')
  })

  it('records who approved and when, and sets the review dates and public reviewer', async () => {
    const doc = await draftBy(author, 'Approve me')
    await setStatus(author, doc.id, 'in-review')
    const approved = await setStatus(reviewer, doc.id, 'approved')
    expect(approved.review?.status).toBe('approved')
    expect(approved.review?.approvedBy).toBe(reviewer.id)
    expect(approved.review?.submittedBy).toBe(author.id)
    const at = approved.review?.approvedAt as string
    expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60 * 60 * 1000)
    expect(approved.lastReviewedAt).toBe(at)
    expect(approved.nextReviewDue).toBe(addMonths(at, 12))
    expect(approved.reviewer).toBe(reviewer.id)
  })

  it('a reviewer who changed the text cannot approve that text', async () => {
    const doc = await draftBy(author, 'Reviewer edits')
    await setStatus(author, doc.id, 'in-review')
    await expect(
      setStatus(reviewer, doc.id, 'approved', { body: body('Reviewer rewrote this.') }),
    ).rejects.toThrow(/You changed the text/)
  })

  it('forged approval fields sent by a client are ignored', async () => {
    const doc = await draftBy(author, 'Forgery')
    const saved = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { review: { approvedBy: reviewer.id, approvedFingerprint: 'x' } } as never,
      draft: true,
      ...as(author),
    })
    expect(saved.review?.approvedBy ?? null).toBeNull()
    await expect(publish(author, doc.id)).rejects.toThrow(/Only approved content/)
  })
})

describe('publishing', () => {
  it('an unapproved article cannot be published', async () => {
    const doc = await draftBy(author, 'Not approved yet')
    await expect(publish(author, doc.id)).rejects.toThrow(/Only approved content/)
    await setStatus(author, doc.id, 'in-review')
    await expect(publish(reviewer, doc.id)).rejects.toThrow(/Only approved content/)
    expect(await publicBody(doc.id)).toBeNull()
  })

  it("a published article's edit stays invisible publicly until it is approved", async () => {
    const doc = await draftBy(author, 'Live article', 'Original wording.')
    await setStatus(author, doc.id, 'in-review')
    await setStatus(reviewer, doc.id, 'approved')
    await publish(author, doc.id)
    expect(await publicBody(doc.id)).toContain('Original wording.')

    const edited = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { body: body('Changed wording.'), review: { status: 'approved' } } as never,
      draft: true,
      ...as(author),
    })
    expect(edited.review?.status).toBe('in-review')
    await expect(publish(author, doc.id)).rejects.toThrow(/live version stays/)
    expect(await publicBody(doc.id)).toContain('Original wording.')

    await setStatus(reviewer, doc.id, 'approved')
    expect(await publicBody(doc.id)).toContain('Original wording.')
    await publish(author, doc.id)
    expect(await publicBody(doc.id)).toContain('Changed wording.')
  })

  it('a Spanish edit of an approved article also needs a new approval', async () => {
    const doc = await draftBy(author, 'Bilingual')
    await setStatus(author, doc.id, 'in-review')
    await setStatus(reviewer, doc.id, 'approved')
    await payload.update({
      collection: 'articles',
      id: doc.id,
      locale: 'es',
      data: { title: 'Bilingüe', body: body('Texto nuevo.') },
      draft: true,
      ...as(author),
    })
    await expect(publish(author, doc.id)).rejects.toThrow(/Only approved content/)
  })
})

describe('scheduled publishing', () => {
  async function runSchedule(id: number | string, user?: User, asQueued = String(id)) {
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        // The admin's schedule drawer sends the id as a string; server code may pass it as is.
        doc: { relationTo: 'articles', value: asQueued as never },
        ...(user ? { user: { relationTo: 'users', value: user.id } } : {}),
      },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.run({ queue: 'default' })
    const stored = await payload.db.findOne<{ id: number; _status?: string }>({
      collection: 'articles',
      where: { id: { equals: id } },
    })
    return stored?._status
  }

  it('does not publish unapproved content, whoever scheduled it', async () => {
    const byEditor = await draftBy(author, 'Scheduled, not approved')
    expect(await runSchedule(byEditor.id, author)).toBe('draft')
    const bySystem = await draftBy(author, 'Scheduled by server code')
    expect(await runSchedule(bySystem.id)).toBe('draft')
    const rawId = await draftBy(author, 'Scheduled by server code with the id as stored')
    expect(await runSchedule(rawId.id, undefined, rawId.id as never)).toBe('draft')
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' }, hasError: { equals: true } },
    })
    expect(JSON.stringify(jobs.docs.map((j) => j.log))).toContain('Only approved content')
  })

  it('publishes approved content on time', async () => {
    const doc = await draftBy(author, 'Scheduled and approved')
    await setStatus(author, doc.id, 'in-review')
    await setStatus(reviewer, doc.id, 'approved')
    expect(await runSchedule(doc.id, author)).toBe('published')
  })
})

describe('due for review', () => {
  it('lists articles whose next review is past or within 30 days, soonest first', async () => {
    const day = 24 * 60 * 60 * 1000
    const make = (title: string, offsetDays: number) =>
      payload.create({
        collection: 'articles',
        data: { title, nextReviewDue: new Date(Date.now() + offsetDays * day).toISOString() },
        draft: true,
      })
    await make('Overdue', -3)
    await make('Due in a week', 7)
    await make('Due in a year', 365)
    const due = await dueForReview(payload, { user: reviewer })
    const titles = due.map((a) => a.title)
    expect(titles.indexOf('Overdue')).toBeLessThan(titles.indexOf('Due in a week'))
    expect(titles).toContain('Due in a week')
    expect(titles).not.toContain('Due in a year')
  })
})
