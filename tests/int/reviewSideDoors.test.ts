/**
 * Every way around the clinical review that an editor could try, tried the way an editor would:
 * through Payload's REST handlers (what the admin calls) or the Local API as that user.
 */
import { jest } from '@jest/globals'
import { REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import sharp from 'sharp'

import { Kind, type ObjectTypeDefinitionNode } from 'graphql'

import { ARTICLE_SELECT } from '../../src/graphql/content/selects'
import { loadTypeDefs } from '../../src/graphql/typeDefs'
import {
  PUBLIC_NOT_CONTENT,
  REVIEWED_ARTICLE_FIELDS,
  SET_BY_APPROVAL,
} from '../../src/review/reviewedFields'
import { deliverDue } from '../../src/webhooks/deliverDue'
import { dueForReview } from '../../src/review/dueForReview'
import { STALE_SAVE_MESSAGE } from '../../src/review/refuseStaleSave'
import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { createEndpoint, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

// An id of the database's own shape that no document has (a malformed one is a 400).
const unknownId = () => (payload.db.defaultIDType === 'number' ? '999999' : 'f'.repeat(24))

// Each case makes several reviewed saves; on a shared PostgreSQL server that can pass 5 s.
jest.setTimeout(30_000)

type User = Awaited<ReturnType<typeof createUser>>
type Json = Record<string, unknown>

let t: TestPayload
let payload: Payload
let receiver: Receiver
let editor: User
let reviewer: User
let admin: User
let coordinator: User
const tokens = new Map<number | string, string>()
let rest: {
  GET: ReturnType<typeof REST_GET>
  PATCH: ReturnType<typeof REST_PATCH>
  POST: ReturnType<typeof REST_POST>
}
let counter = 0

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  receiver = await startReceiver()
  const { default: config } = await import('../../payload.config')
  rest = { GET: REST_GET(config), PATCH: REST_PATCH(config), POST: REST_POST(config) }
  editor = await createUser(payload, ['editor'], 'Eve Editor')
  reviewer = await createUser(payload, ['reviewer'], 'Dr Rae Reviewer')
  admin = await createUser(payload, ['admin'], 'Ada Admin')
  coordinator = await createUser(payload, ['coordinator'], 'Cody Coordinator')
  for (const user of [editor, reviewer, admin, coordinator]) {
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery-staple' },
    })
    tokens.set(user.id, token!)
  }
}, 120_000)
afterAll(async () => {
  await receiver?.close()
  await t?.stop()
})

/** A call to Payload's REST API as the admin makes it, signed in as `user` (or anonymous). */
async function call(method: 'GET' | 'PATCH' | 'POST', path: string, user?: User, json?: unknown) {
  const headers: Record<string, string> = {}
  if (user) headers.authorization = `JWT ${tokens.get(user.id)}`
  if (json !== undefined) headers['content-type'] = 'application/json'
  const res = await rest[method](
    new Request(`http://127.0.0.1/api/${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    }),
    { params: Promise.resolve({ slug: path.split('?')[0].split('/') }) },
  )
  const text = await res.text()
  let parsed: Json
  try {
    parsed = JSON.parse(text) as Json
  } catch {
    parsed = { text }
  }
  return { status: res.status, json: parsed }
}

const as = (user: User) => ({ user, overrideAccess: false, depth: 0 }) as const

const setStatus = (user: User, id: number | string, status: string) =>
  payload.update({
    collection: 'articles',
    id,
    data: { review: { status } } as never,
    draft: true,
    ...as(user),
  })

const editDraft = (user: User, id: number | string, data: Json, locale?: 'en' | 'es') =>
  payload.update({
    collection: 'articles',
    id,
    data: data as never,
    draft: true,
    ...(locale ? { locale } : {}),
    ...as(user),
  })

const publish = (user: User, id: number | string) =>
  payload.update({ collection: 'articles', id, data: { _status: 'published' }, ...as(user) })

/** What an anonymous reader gets for the article, in every field Payload's REST would show. */
const publicDoc = async (id: number | string, locale: 'en' | 'es' = 'en') => {
  const res = await payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    overrideAccess: false,
    locale,
    depth: 1,
  })
  return (res.docs[0] ?? null) as unknown as Json | null
}

async function image(alt: string) {
  const png = await sharp({
    create: {
      width: 64,
      height: 48,
      channels: 3,
      background: `#${(++counter * 99999).toString(16).padStart(6, '0').slice(-6)}`,
    },
  })
    .png()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt },
    file: { data: png, mimetype: 'image/png', name: `hero-${counter}.png`, size: png.length },
  })
}

async function liveArticle(extra: Json = {}) {
  counter += 1
  const doc = await payload.create({
    collection: 'articles',
    data: { title: `Living with worry ${counter}`, body: body('Original wording.'), ...extra },
    draft: true,
    ...as(editor),
  })
  await setStatus(editor, doc.id, 'in-review')
  await setStatus(reviewer, doc.id, 'approved')
  await publish(editor, doc.id)
  return doc
}

describe('the list of reviewed fields matches what the public can read', () => {
  const classified = new Set<string>([
    ...REVIEWED_ARTICLE_FIELDS,
    ...SET_BY_APPROVAL,
    ...Object.keys(PUBLIC_NOT_CONTENT),
  ])

  it('covers every field anonymous REST readers get, nested ones by path', async () => {
    const hero = await image('A quiet room')
    const doc = await liveArticle({
      summary: 'Short.',
      heroImage: hero.id,
      sources: [{ title: 'NHS', publisher: 'NHS', year: 2024, url: 'https://nhs.uk' }],
      contentWarnings: ['trauma'],
      meta: { title: 'Worry', description: 'About worry', image: hero.id },
    })
    const res = await call('GET', `articles/${doc.id}?depth=0`)
    expect(res.status).toBe(200)
    const paths = Object.entries(res.json).flatMap(([key, value]) =>
      value && typeof value === 'object' && !Array.isArray(value) && key !== 'body'
        ? Object.keys(value as Json).map((sub) => `${key}.${sub}`)
        : [key],
    )
    // Findings are staff-only; Payload still answers the (emptied) key.
    expect(res.json.findings ?? []).toEqual([])
    expect(paths.filter((p) => !classified.has(p) && p !== 'findings')).toEqual([])
  })

  it('covers every column and field of the public GraphQL Article', () => {
    expect(Object.keys(ARTICLE_SELECT).filter((c) => !classified.has(c))).toEqual([])
    // GraphQL names that differ from the stored field they show.
    const shows: Record<string, string> = {
      bodyHtml: 'body',
      bodyJson: 'body',
      reviewedBy: 'reviewer',
    }
    const article = loadTypeDefs()
      .flatMap((d) => d.definitions)
      .find(
        (d): d is ObjectTypeDefinitionNode =>
          d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Article',
      )
    const names = (article?.fields ?? []).map((f) => f.name.value)
    expect(names.length).toBeGreaterThan(10)
    expect(names.map((n) => shows[n] ?? n).filter((n) => !classified.has(n))).toEqual([])
  })
})

describe('approval covers everything public', () => {
  let topic: { id: number | string }
  beforeAll(async () => {
    topic = await payload.create({ collection: 'topics', data: { name: 'Sleep and worry' } })
  })

  const edits: [string, () => Promise<Json>, (doc: Json) => unknown][] = [
    ['content warnings', async () => ({ contentWarnings: ['suicide'] }), (d) => d.contentWarnings],
    [
      'SEO meta (holding a blocked phrase)',
      async () => ({ meta: { title: 'Depression treatment programs', description: 'Call now' } }),
      (d) => d.meta,
    ],
    [
      'hero image',
      async () => ({ heroImage: (await image('A calm lake')).id }),
      (d) => (d.heroImage as Json | null)?.id ?? null,
    ],
    ['slug', async () => ({ slug: `renamed-${counter}` }), (d) => d.slug],
    ['topics', async () => ({ topics: [topic.id] }), (d) => d.topics],
  ]

  it.each(edits)(
    'a change to %s is not published without a new approval',
    async (_, make, pick) => {
      const doc = await liveArticle()
      const before = pick((await publicDoc(doc.id))!)
      await editDraft(editor, doc.id, await make())
      await expect(publish(editor, doc.id)).rejects.toThrow(/have not been approved/)
      expect(pick((await publicDoc(doc.id))!)).toEqual(before)
    },
  )

  it("a change to the hero image's alt text needs a new approval", async () => {
    const hero = await image('Two people talking')
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Talking helps', body: body('Talking helps.'), heroImage: hero.id },
      draft: true,
      ...as(editor),
    })
    await setStatus(editor, doc.id, 'in-review')
    await setStatus(reviewer, doc.id, 'approved')
    await payload.update({
      collection: 'media',
      id: hero.id,
      data: { alt: 'Wrong text' },
      ...as(editor),
    })
    await expect(publish(editor, doc.id)).rejects.toThrow(/Only approved content/)
  })

  it('an image live content shows keeps its alt text until a reviewer changes it', async () => {
    const hero = await image('A bench by the river')
    const doc = await liveArticle({ heroImage: hero.id })
    const altOf = async () => ((await publicDoc(doc.id))!.heroImage as Json).alt
    expect(await altOf()).toBe('A bench by the river')

    // The editor's in-place change, as the admin's media form sends it, is refused and says why.
    const refused = await call('PATCH', `media/${hero.id}`, editor, { alt: 'Buy our course' })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.json)).toContain('ask a reviewer')
    await expect(
      payload.update({
        collection: 'media',
        id: hero.id,
        data: { credit: 'Someone' },
        ...as(editor),
      }),
    ).rejects.toThrow(/Live content shows this image/)
    expect(await altOf()).toBe('A bench by the river')

    // A save that changes none of it goes through; so does a reviewer's correction.
    expect(
      (await call('PATCH', `media/${hero.id}`, editor, { alt: 'A bench by the river' })).status,
    ).toBe(200)
    expect(
      (await call('PATCH', `media/${hero.id}`, reviewer, { alt: 'A bench by a river' })).status,
    ).toBe(200)
    expect(await altOf()).toBe('A bench by a river')
  })

  it('a Spanish SEO description needs a new approval', async () => {
    const doc = await liveArticle()
    await editDraft(editor, doc.id, { meta: { description: 'Llámanos' } }, 'es')
    await expect(publish(editor, doc.id)).rejects.toThrow(/have not been approved/)
  })

  it('approval, not the author, sets the reviewer and the review dates', async () => {
    const doc = await liveArticle()
    const stored = await payload.findByID({
      collection: 'articles',
      id: doc.id,
      draft: true,
      depth: 0,
    })
    for (const forged of [
      { reviewer: admin.id },
      { nextReviewDue: '2035-01-01T00:00:00.000Z' },
      { lastReviewedAt: '2035-01-01T00:00:00.000Z' },
    ]) {
      await expect(editDraft(editor, doc.id, forged)).rejects.toThrow(/Only a reviewer can change/)
      const res = await call('PATCH', `articles/${doc.id}?draft=true`, editor, forged)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.json)).toContain('Only a reviewer can change')
    }
    // The admin form sends them back unchanged on every save: that is no change.
    await editDraft(editor, doc.id, {
      summary: 'Edited summary.',
      reviewer: stored.reviewer,
      lastReviewedAt: stored.lastReviewedAt,
      nextReviewDue: stored.nextReviewDue,
    })
    const live = await publicDoc(doc.id)
    const shown = live!.reviewer as Json | number
    expect(typeof shown === 'object' ? shown.id : shown).toBe(reviewer.id)
    expect(live!.nextReviewDue).toBe(stored.nextReviewDue)
    // A reviewer may set them.
    await editDraft(reviewer, doc.id, { nextReviewDue: '2030-01-01T00:00:00.000Z' })
  })

  it("a draft's due date does not drop a live article from the due list", async () => {
    const doc = await liveArticle()
    const overdue = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString()
    await payload.update({ collection: 'articles', id: doc.id, data: { nextReviewDue: overdue } })
    expect((await dueForReview(payload, { user: reviewer })).map((a) => a.id)).toContain(doc.id)
    await expect(
      editDraft(editor, doc.id, { nextReviewDue: '2035-01-01T00:00:00.000Z' }),
    ).rejects.toThrow(/Only a reviewer/)
    await editDraft(reviewer, doc.id, { nextReviewDue: '2035-01-01T00:00:00.000Z' })
    expect((await dueForReview(payload, { user: reviewer })).map((a) => a.id)).toContain(doc.id)
  })
})

describe('nothing goes offline by accident', () => {
  it('a plain PATCH on a live article with a pending draft saves a draft and leaves it live', async () => {
    const doc = await liveArticle()
    await editDraft(editor, doc.id, { body: body('Pending rewrite.') })
    const res = await call('PATCH', `articles/${doc.id}`, editor, { summary: 'Plain save.' })
    expect(res.status).toBe(200)
    const live = await publicDoc(doc.id)
    expect(live?._status).toBe('published')
    expect(JSON.stringify(live?.body)).toContain('Original wording.')
    expect(live?.summary ?? null).toBeNull()
    const latest = await payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(latest.summary).toBe('Plain save.')
  })

  it('a plain save with status "draft" is refused: unpublishing needs the unpublish action', async () => {
    const doc = await liveArticle()
    const res = await call('PATCH', `articles/${doc.id}`, editor, { _status: 'draft' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json)).toContain('use Unpublish')
    expect((await publicDoc(doc.id))?._status).toBe('published')
  })

  it('unpublish asks for a reason, checks the role, and is audited and announced', async () => {
    const endpoint = await createEndpoint(payload, {
      url: receiver.url('/unpublish'),
      subscriptions: [{ source: 'articles', operations: ['unpublish'] }],
    })
    const doc = await liveArticle()
    await editDraft(editor, doc.id, { body: body('Pending rewrite.') })
    const path = `articles/${doc.id}/unpublish`
    expect((await call('POST', path, undefined, { reason: 'x' })).status).toBe(401)
    expect((await call('POST', path, coordinator, { reason: 'x' })).status).toBe(403)
    const noReason = await call('POST', path, editor, {})
    expect(noReason.status).toBe(400)
    expect(noReason.json.error).toMatch(/reason/)
    expect((await call('POST', path, editor, { reason: '   ' })).status).toBe(400)
    expect(
      (await call('POST', `articles/${unknownId()}/unpublish`, editor, { reason: 'x' })).status,
    ).toBe(404)
    expect(await publicDoc(doc.id)).not.toBeNull()

    const ok = await call('POST', path, editor, { reason: 'Guidance withdrawn by NICE' })
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ id: doc.id, status: 'draft' })
    expect(await publicDoc(doc.id)).toBeNull()
    expect((await call('POST', path, editor, { reason: 'again' })).status).toBe(400)

    const audit = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'content.unpublish' }, targetId: { equals: String(doc.id) } },
    })
    expect(audit.docs).toHaveLength(1)
    expect(audit.docs[0].details).toMatchObject({ reason: 'Guidance withdrawn by NICE' })
    expect(audit.docs[0].actor).toMatchObject({ id: editor.id })

    await deliverDue(payload, { now: new Date(Date.now() + 1000) })
    const hits = receiver.to('/unpublish')
    expect(hits).toHaveLength(1)
    const sent = JSON.parse(hits[0].body) as { data: { changes: Json[] } }
    expect(sent.data.changes).toEqual([
      expect.objectContaining({
        collection: 'articles',
        id: String(doc.id),
        operation: 'unpublish',
      }),
    ])
    expect(hits[0].body).not.toContain('NICE')
    await payload.update({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      data: { active: false },
    })
  })

  it.each([
    ['an admin', () => admin],
    ['an editor', () => editor],
  ])('"Revert to published" discards the draft without approval, for %s', async (_, who) => {
    const doc = await liveArticle()
    await editDraft(editor, doc.id, { body: body('Rejected rewrite.') })
    await editDraft(editor, doc.id, { title: 'Título nuevo' }, 'es')
    // What the admin's Status bar does: read the live document, save it back.
    const url = `articles/${doc.id}?locale=en&fallback-locale=null&depth=0`
    const published = await call('GET', url, who())
    expect(published.status).toBe(200)
    const reverted = await call('PATCH', url, who(), published.json)
    expect(reverted.status).toBe(200)
    const latest = await payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(JSON.stringify(latest.body)).toContain('Original wording.')
    expect((await publicDoc(doc.id, 'es'))?.title).not.toBe('Título nuevo')
    expect(JSON.stringify((await publicDoc(doc.id))?.body)).toContain('Original wording.')
  })
})

describe('conflicts are caught, not merged', () => {
  // On MongoDB the first version leaves the unset review dates out entirely, which is what made
  // a restore drop them (collections/Articles/hooks/protectReviewRecord.ts).
  it("restoring an older version as a draft works for an editor and keeps today's review record", async () => {
    const doc = await liveArticle()
    const live = await payload.findByID({ collection: 'articles', id: doc.id, depth: 0 })
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: doc.id } },
      sort: 'createdAt',
      limit: 1,
      depth: 0,
    })
    // Without draft=true it would write an old draft over the live article.
    const plain = await call('POST', `articles/versions/${docs[0].id}`, editor)
    expect(plain.status).toBe(400)
    expect(JSON.stringify(plain.json)).toContain('Restore it as a draft')
    expect((await publicDoc(doc.id))?._status).toBe('published')
    const asDraft = await call('POST', `articles/versions/${docs[0].id}?draft=true`, editor)
    expect(asDraft.status).toBe(200)
    const latest = await payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(latest.lastReviewedAt).toBe(live.lastReviewedAt)
    expect((await publicDoc(doc.id))?._status).toBe('published')
  })

  it('a workflow action through the Local API (no draft flag, no base version) keeps a live article live', async () => {
    const doc = await liveArticle()
    await editDraft(editor, doc.id, { body: body('A rewrite to review.') })
    const saved = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { review: { status: 'in-review' } } as never,
      user: editor,
      overrideAccess: false,
      depth: 0,
    })
    expect(saved.review?.status).toBe('in-review')
    expect(JSON.stringify((await publicDoc(doc.id))?.body)).toContain('Original wording.')
  })

  it("a stale form cannot undo a reviewer's request for changes", async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Stale tab', body: body('First text.') },
      draft: true,
      ...as(editor),
    })
    await setStatus(editor, doc.id, 'in-review')
    const form = await payload.findByID({
      collection: 'articles',
      id: doc.id,
      draft: true,
      depth: 0,
    })
    await setStatus(reviewer, doc.id, 'changes-requested')

    const res = await call('PATCH', `articles/${doc.id}?draft=true&autosave=true`, editor, {
      ...form,
      body: body('Edited in a stale tab.'),
      review: { ...form.review, status: 'in-review' },
    })
    expect(res.status).toBe(409)
    expect(JSON.stringify(res.json)).toContain(STALE_SAVE_MESSAGE)
    const stored = await payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(stored.review?.status).toBe('changes-requested')
    expect(JSON.stringify(stored.body)).toContain('First text.')
  })

  it('a form holding the current version saves, and so does server code without one', async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: 'Fresh tab', body: body('First text.') },
      draft: true,
      ...as(editor),
    })
    const form = await payload.findByID({
      collection: 'articles',
      id: doc.id,
      draft: true,
      depth: 0,
    })
    const first = await call('PATCH', `articles/${doc.id}?draft=true`, editor, {
      ...form,
      summary: 'One.',
    })
    expect(first.status).toBe(200)
    // The form takes the new updatedAt from the answer, as the admin does after each save.
    const saved = first.json.doc as Json
    const second = await call('PATCH', `articles/${doc.id}?draft=true`, editor, {
      ...saved,
      summary: 'Two.',
    })
    expect(second.status).toBe(200)
    await expect(setStatus(editor, doc.id, 'in-review')).resolves.toMatchObject({
      review: expect.objectContaining({ status: 'in-review' }),
    })
  })
})

describe('crisis resources are reviewed content', () => {
  const MOBILE = '07700 900461'
  const slug = 'crisis-resources' as const
  const save = (user: User, data: Json, draft?: boolean) =>
    payload.updateGlobal({
      slug,
      data: data as never,
      draft,
      user,
      overrideAccess: false,
      depth: 0,
    })
  const publicText = async () =>
    JSON.stringify(await payload.findGlobal({ slug, overrideAccess: false, depth: 0 }))
  const exempt = async () => {
    const doc = await payload.create({
      collection: 'articles',
      data: { title: `Talk to someone ${++counter}`, body: body(`Ring ${MOBILE} any time.`) },
      draft: true,
      ...as(editor),
    })
    return !(doc.findings ?? []).some((f) => f.check === 'privacy' && f.match?.includes('900461'))
  }

  it("an editor's added mobile number stays a draft and is not exempt until a reviewer approves", async () => {
    const samaritans = { country: 'GB', name: 'Samaritans', phone: '116 123' }
    await payload.updateGlobal({ slug, data: { helplines: [samaritans] } })
    expect(await publicText()).toContain('116 123')

    const added = [samaritans, { country: 'GB', name: 'My own line', phone: MOBILE }]
    await save(editor, { helplines: added })
    expect(await publicText()).not.toContain('900461')
    const anonymousDraft = await call('GET', 'globals/crisis-resources?draft=true')
    expect(anonymousDraft.status).toBe(200)
    expect(JSON.stringify(anonymousDraft.json)).not.toContain('900461')
    expect(JSON.stringify(anonymousDraft.json)).toContain('116 123')
    expect(await exempt()).toBe(false)

    await expect(save(editor, { _status: 'published' })).rejects.toThrow(/not been approved/)
    await expect(save(editor, { review: { status: 'approved' } }, true)).rejects.toThrow(
      /Only a reviewer/,
    )
    const plain = await call('POST', 'globals/crisis-resources', editor, {
      helplines: added,
      _status: 'draft',
    })
    expect(plain.status).toBe(200)
    expect(await publicText()).not.toContain('900461')

    await save(reviewer, { review: { status: 'approved' } }, true)
    await save(editor, { _status: 'published' })
    expect(await publicText()).toContain('900461')
    expect(await exempt()).toBe(true)

    const audit = await payload.find({
      collection: 'audit-log',
      where: { targetCollection: { equals: slug } },
      sort: 'createdAt',
    })
    expect(audit.docs.map((d) => d.action)).toEqual(
      expect.arrayContaining(['review.approve', 'content.update']),
    )
  })

  it('a reviewer cannot approve helplines they changed themselves', async () => {
    await save(reviewer, {
      helplines: [{ country: 'GB', name: 'Shout', textNumber: '85258' }],
    })
    await expect(save(reviewer, { review: { status: 'approved' } }, true)).rejects.toThrow(
      /You changed the text/,
    )
  })
})

describe('support-group findings', () => {
  async function groupWithFinding() {
    const group = await payload.create({
      collection: 'support-groups',
      data: {
        name: `Tuesday circle ${++counter}`,
        description: 'Ring Sam on 07700 900982 before coming.',
        facilitation: 'peer-led',
        format: 'in-person',
        schedule: {
          timezone: 'Europe/London',
          weekly: [{ weekdays: ['tuesday'], startTime: '18:00' }],
        },
        coordinators: [coordinator.id],
      },
      draft: true,
      user: coordinator,
      overrideAccess: false,
      depth: 0,
    })
    expect(group.findings?.length).toBeGreaterThan(0)
    return group
  }
  const withReasons = (findings: unknown[] | null | undefined, reason: string) =>
    (findings ?? []).map((f) => ({ ...(f as Json), overrideReason: reason }))

  it('a reviewer overrides a finding and can change nothing else', async () => {
    const group = await groupWithFinding()
    const saved = await payload.update({
      collection: 'support-groups',
      id: group.id,
      data: { findings: withReasons(group.findings, 'Public office line, consent on file') },
      draft: true,
      user: reviewer,
      overrideAccess: false,
      depth: 0,
    })
    expect(saved.findings?.every((f) => f.overriddenBy === reviewer.id)).toBe(true)

    // The whole form, as the admin sends it, with one other change.
    const form = await payload.findByID({
      collection: 'support-groups',
      id: group.id,
      draft: true,
      depth: 0,
      user: reviewer,
      overrideAccess: false,
    })
    const res = await call('PATCH', `support-groups/${group.id}?draft=true`, reviewer, {
      ...form,
      name: 'Renamed by a reviewer',
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json)).toContain('Reviewers can only record override reasons')
    const unchanged = await call('PATCH', `support-groups/${group.id}?draft=true`, reviewer, form)
    expect(unchanged.status).toBe(200)
    await expect(
      payload.update({
        collection: 'support-groups',
        id: group.id,
        data: { _status: 'published' },
        user: reviewer,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/coordinator publishes/)
  })

  it('a coordinator still cannot override: the save is refused and says so', async () => {
    const group = await groupWithFinding()
    await expect(
      payload.update({
        collection: 'support-groups',
        id: group.id,
        data: { findings: withReasons(group.findings, 'I say so') },
        draft: true,
        user: coordinator,
        overrideAccess: false,
        depth: 0,
      }),
    ).rejects.toThrow(/Only a reviewer or an admin can override/)
    const stored = await payload.findByID({
      collection: 'support-groups',
      id: group.id,
      draft: true,
      depth: 0,
    })
    expect(stored.findings?.every((f) => !f.overrideReason)).toBe(true)
  })
})

describe('crisis resources: conflicts and revert', () => {
  const slug = 'crisis-resources' as const
  it('a stale form is refused, and "Revert to published" discards the draft without approval', async () => {
    await payload.updateGlobal({
      slug,
      data: {
        helplines: [{ country: 'ES', name: 'Teléfono de la Esperanza', phone: '717 003 717' }],
      },
    })
    const published = await call(
      'GET',
      'globals/crisis-resources?locale=en&fallback-locale=null&depth=0',
      editor,
    )
    await payload.updateGlobal({
      slug,
      data: { intro: 'Changed by someone else.' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    const stale = await call('POST', 'globals/crisis-resources?draft=true', editor, {
      ...published.json,
      _status: 'draft',
      intro: 'My stale edit.',
    })
    expect(stale.status).toBe(409)
    expect(JSON.stringify(stale.json)).toContain(STALE_SAVE_MESSAGE)

    const reverted = await call(
      'POST',
      'globals/crisis-resources?locale=en&fallback-locale=null&depth=0',
      editor,
      published.json,
    )
    expect(reverted.status).toBe(200)
    const latest = await payload.findGlobal({ slug, draft: true, depth: 0 })
    expect(latest.intro).not.toBe('Changed by someone else.')
  })
})
