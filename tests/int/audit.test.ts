import type { Payload } from 'payload'

import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

type User = Awaited<ReturnType<typeof createUser>>

let t: TestPayload
let payload: Payload
let admin: User
let author: User
let reviewer: User
let coordinator: User

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  admin = await createUser(payload, ['admin'])
  author = await createUser(payload, ['editor'])
  reviewer = await createUser(payload, ['reviewer'], 'Dr Rae')
  coordinator = await createUser(payload, ['coordinator'])
}, 120_000)
afterAll(async () => t?.stop())

const entriesFor = async (targetId: string | number) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: { targetId: { equals: String(targetId) } },
      sort: 'createdAt',
      limit: 100,
      depth: 0,
    })
  ).docs

describe('what the audit log records', () => {
  it('submission, approval, override and publish of an article, with who', async () => {
    const as = (user: User) => ({ user, overrideAccess: false, depth: 0 }) as const
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Audited', body: body('Write to jane@example.org.') },
      draft: true,
      ...as(author),
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { review: { status: 'in-review' } } as never,
      draft: true,
      ...as(author),
    })
    const stored = await payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: {
        review: { status: 'approved' },
        findings: stored.findings?.map((f) => ({ ...f, overrideReason: 'consent on file' })),
      } as never,
      draft: true,
      ...as(reviewer),
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { _status: 'published' },
      ...as(author),
    })
    const entries = await entriesFor(doc.id)
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['review.submit', author.id],
      ['review.approve', reviewer.id],
      ['finding.override', reviewer.id],
      ['content.publish', author.id],
    ])
    const override = entries.find((e) => e.action === 'finding.override')!
    expect(override.details).toEqual({ check: 'privacy', field: 'body', reason: 'consent on file' })
    // The log names the finding, never the personal data it matched.
    expect(JSON.stringify(entries)).not.toContain('jane@example.org')
  })

  it('which private group fields changed, without their values', async () => {
    const group = await payload.create({
      collection: 'support-groups',
      data: {
        name: 'Audit circle',
        coordinators: [coordinator.id],
        private: { address: '1 Secret Road' },
      },
      draft: true,
      user: coordinator,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'support-groups',
      id: group.id,
      data: { private: { address: '2 Hidden Lane', internalNotes: 'Ring the bell' } },
      draft: true,
      user: coordinator,
      overrideAccess: false,
    })
    const entries = (await entriesFor(group.id)).filter((e) => e.action === 'group.private-change')
    expect(entries.map((e) => e.details)).toEqual([
      { fields: ['private.address'] },
      { fields: ['private.address', 'private.internalNotes'] },
    ])
    expect(entries.every((e) => e.actor === coordinator.id)).toBe(true)
    expect(JSON.stringify(entries)).not.toMatch(/Secret|Hidden|bell/)
  })
})

describe('the audit log is append-only and admin-only', () => {
  let entryId: number | string
  beforeAll(async () => {
    entryId = (await payload.find({ collection: 'audit-log', limit: 1 })).docs[0].id
  })

  it('only admins read it', async () => {
    const asAdmin = await payload.find({
      collection: 'audit-log',
      user: admin,
      overrideAccess: false,
    })
    expect(asAdmin.totalDocs).toBeGreaterThan(0)
    for (const user of [author, reviewer, coordinator]) {
      await expect(
        payload.find({ collection: 'audit-log', user, overrideAccess: false }),
      ).rejects.toThrow()
    }
    await expect(payload.find({ collection: 'audit-log', overrideAccess: false })).rejects.toThrow()
  })

  it('nobody creates, edits or deletes an entry through the API, not even an admin', async () => {
    const asAdmin = { user: admin, overrideAccess: false } as const
    await expect(
      payload.create({ collection: 'audit-log', data: { action: 'content.publish' }, ...asAdmin }),
    ).rejects.toThrow()
    await expect(
      payload.update({ collection: 'audit-log', id: entryId, data: { summary: 'x' }, ...asAdmin }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'audit-log', id: entryId, ...asAdmin }),
    ).rejects.toThrow()
  })

  it('server code that skips access control cannot rewrite history either', async () => {
    await expect(
      payload.update({ collection: 'audit-log', id: entryId, data: { summary: 'rewritten' } }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'audit-log', id: entryId })).rejects.toThrow()
    const still = await payload.findByID({ collection: 'audit-log', id: entryId })
    expect(still.summary).not.toBe('rewritten')
  })
})
