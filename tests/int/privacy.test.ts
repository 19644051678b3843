import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { toLexical } from '../../src/lib/lexical'
import { demoArticles } from '../../src/seed/demoArticles'
import { body, createUser } from '../helpers/fixtures'
import { fixturePath } from '../helpers/fixturePath'
import { startPayload, type TestPayload } from '../helpers/payload'

type User = Awaited<ReturnType<typeof createUser>>

let t: TestPayload
let payload: Payload
let author: User
let reviewer: User
let coordinator: User

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  author = await createUser(payload, ['editor'])
  reviewer = await createUser(payload, ['reviewer'])
  coordinator = await createUser(payload, ['coordinator'])
}, 120_000)
afterAll(async () => t?.stop())

const as = (user: User) => ({ user, overrideAccess: false, depth: 0 }) as const
const privacyFindings = (doc: { findings?: Array<{ check?: string | null }> | null }) =>
  (doc.findings ?? []).filter((f) => f.check === 'privacy')

// What the admin shows next to each field: the per-field messages of the ValidationError.
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'accepted',
    (e: { data?: { errors?: unknown[] }; message: string }) =>
      JSON.stringify(e.data?.errors ?? e.message),
  )

const TESTIMONIAL = [
  'Write to me at jane.smith@example.org or text 07911 123456 any evening.',
  '“The group gave me my life back.” — Jane Smith, 34',
]

describe('the privacy guard on an article', () => {
  let id: number | string

  it('finds the email, the phone number and the testimonial name, with the text matched', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Stories from the group', body: body(...TESTIMONIAL) },
      draft: true,
      ...as(author),
    })
    id = doc.id
    expect(
      privacyFindings(doc).map((f) => [
        (f as { field: string }).field,
        (f as { match: string }).match,
      ]),
    ).toEqual([
      ['body', 'jane.smith@example.org'],
      ['body', '07911 123456'],
      ['body', 'Jane Smith, 34'],
    ])
  })

  it('blocks approval and publishing while the findings are open', async () => {
    await payload.update({
      collection: 'articles',
      id,
      data: { review: { status: 'in-review' } } as never,
      draft: true,
      ...as(author),
    })
    await expect(
      payload.update({
        collection: 'articles',
        id,
        data: { review: { status: 'approved' } } as never,
        draft: true,
        ...as(reviewer),
      }),
    ).rejects.toThrow(/Personal data was found/)
    const refused = await refusal(
      payload.update({
        collection: 'articles',
        id,
        data: { _status: 'published' },
        ...as(reviewer),
      }),
    )
    for (const match of ['jane.smith@example.org', '07911 123456', 'Jane Smith, 34'])
      expect(refused).toContain(match)
  })

  it('refuses an override by someone who is not a reviewer, and says so', async () => {
    const doc = await payload.findByID({ collection: 'articles', id, draft: true })
    await expect(
      payload.update({
        collection: 'articles',
        id,
        data: { findings: doc.findings?.map((f) => ({ ...f, overrideReason: 'fine by me' })) },
        draft: true,
        ...as(author),
      }),
    ).rejects.toThrow(/Only a reviewer or an admin can override/)
    const stored = await payload.findByID({ collection: 'articles', id, draft: true })
    expect(
      privacyFindings(stored).every((f) => !(f as { overrideReason?: string }).overrideReason),
    ).toBe(true)
  })

  it("lets it through after a reviewer's recorded override", async () => {
    const doc = await payload.findByID({ collection: 'articles', id, draft: true })
    const approved = await payload.update({
      collection: 'articles',
      id,
      data: {
        review: { status: 'approved' },
        findings: doc.findings?.map((f) => ({ ...f, overrideReason: 'consent on file' })),
      } as never,
      draft: true,
      ...as(reviewer),
    })
    for (const f of privacyFindings(approved) as Array<Record<string, unknown>>) {
      expect(f.overrideReason).toBe('consent on file')
      expect(f.overriddenBy).toBe(reviewer.id)
      expect(typeof f.overriddenAt).toBe('string')
    }
    const published = await payload.update({
      collection: 'articles',
      id,
      data: { _status: 'published' },
      ...as(author),
    })
    expect(published._status).toBe('published')
  })
})

describe('the privacy guard on a support group', () => {
  it('checks the public fields, never the private ones, and blocks publishing until overridden', async () => {
    const group = await payload.create({
      collection: 'support-groups',
      data: {
        name: 'Thursday circle',
        description: 'Ask for Sam on 07911 123456 when you arrive.',
        coordinators: [coordinator.id],
        private: {
          address: '12 Acacia Avenue, Leeds LS1 4AP',
          facilitatorContact: {
            name: 'Sam Jones',
            phone: '07911 654321',
            email: 'sam@example.org',
          },
        },
      },
      draft: true,
      ...as(coordinator),
    })
    expect(
      privacyFindings(group).map((f) => [
        (f as { field: string }).field,
        (f as { match: string }).match,
      ]),
    ).toEqual([['description', '07911 123456']])
    const refused = await refusal(
      payload.update({
        collection: 'support-groups',
        id: group.id,
        data: { _status: 'published' },
        ...as(coordinator),
      }),
    )
    expect(refused).toContain('"path":"description"')
    expect(refused).toContain('07911 123456')
    const fixed = await payload.update({
      collection: 'support-groups',
      id: group.id,
      data: { description: 'Ask for the facilitator when you arrive.', _status: 'published' },
      ...as(coordinator),
    })
    expect(fixed._status).toBe('published')
    expect(privacyFindings(fixed)).toEqual([])
  })
})

describe('ordinary text passes the guard with no finding', () => {
  const seedDir = fixturePath('seeds')
  const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt'))

  it.each(seeds)('seed %s', async (file) => {
    const lines = fs
      .readFileSync(path.join(seedDir, file), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    const doc = await payload.create({
      collection: 'articles',
      data: {
        title: lines[0].slice(0, 160),
        body: toLexical(lines.slice(1).map((text) => ({ type: 'paragraph' as const, text }))),
      },
      draft: true,
      ...as(author),
    })
    expect(privacyFindings(doc)).toEqual([])
  })

  it.each(demoArticles.map((a) => [a.title, a] as const))('demo article %s', async (_t, a) => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: a.title, summary: a.summary, body: toLexical(a.blocks) },
      draft: true,
      ...as(author),
    })
    expect(privacyFindings(doc)).toEqual([])
  })

  it('helpline numbers listed in the crisis resources may be published', async () => {
    await payload.updateGlobal({
      slug: 'crisis-resources',
      data: { helplines: [{ country: 'GB', name: 'Local line', phone: '0113 496 0000' }] },
    })
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Getting help', body: body('Call the local line on 0113 496 0000.') },
      draft: true,
      ...as(author),
    })
    expect(privacyFindings(doc)).toEqual([])
  })
})
