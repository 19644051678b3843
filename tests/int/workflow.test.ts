/**
 * POST /api/articles/:id/workflow, the endpoint behind the review buttons, called over Payload's
 * REST handler with real sign-in tokens: each action allowed or refused per role, refusals in
 * plain words with the article left as it was, and the emails that tell the next person.
 */
import { Writable } from 'node:stream'
import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import pino from 'pino'

import { loggerOptions } from '../../src/logging/loggerConfig'
import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

type User = Awaited<ReturnType<typeof createUser>>
type Email = { to?: unknown; subject?: string; text?: string }

let t: TestPayload
let payload: Payload
let post: ReturnType<typeof REST_POST>
const tokens = new Map<string | number, string>()
const users: Record<'author' | 'editor' | 'reviewer' | 'both' | 'coordinator', User> = {} as never
const emails: Email[] = []
const logLines: string[] = []

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  const { default: config } = await import('../../payload.config')
  post = REST_POST(config)
  payload.logger = pino(
    loggerOptions(),
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk))
        done()
      },
    }),
  )
  const send = payload.sendEmail.bind(payload)
  payload.sendEmail = async (message) => {
    emails.push(message as Email)
    return send(message)
  }
  users.author = await createUser(payload, ['editor'], 'Alex Author')
  users.editor = await createUser(payload, ['editor'], 'Eli Editor')
  users.reviewer = await createUser(payload, ['reviewer'], 'Dr Rae Reviewer')
  users.both = await createUser(payload, ['editor', 'reviewer'], 'Sam Both')
  users.coordinator = await createUser(payload, ['coordinator'], 'Cas Coordinator')
  for (const user of Object.values(users)) {
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery-staple' },
    })
    tokens.set(user.id, token!)
  }
}, 120_000)
afterAll(async () => t?.stop())

async function act(user: User | null, id: string | number, payloadBody: unknown) {
  const res = await post(
    new Request(`http://127.0.0.1/api/articles/${id}/workflow`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(user ? { authorization: `JWT ${tokens.get(user.id)}` } : {}),
      },
      body: typeof payloadBody === 'string' ? payloadBody : JSON.stringify(payloadBody),
    }),
    { params: Promise.resolve({ slug: ['articles', String(id), 'workflow'] }) },
  )
  return { status: res.status, json: (await res.json()) as Record<string, any> }
}

const stored = (id: string | number) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })

async function draftBy(user: User, title: string, text: string) {
  return payload.create({
    collection: 'articles',
    data: { title, body: body(text) },
    draft: true,
    user,
    overrideAccess: false,
    depth: 0,
  })
}

const isPublic = async (id: string | number) =>
  (
    await payload.find({
      collection: 'articles',
      where: { id: { equals: id } },
      overrideAccess: false,
      depth: 0,
    })
  ).totalDocs === 1

describe('bad requests', () => {
  it('answers 401, 400 and 404 with a sentence, and changes nothing', async () => {
    const doc = await draftBy(users.author, 'Sleep hygiene basics', 'Sleep hygiene basics help.')
    expect((await act(null, doc.id, { action: 'submit' })).status).toBe(401)
    for (const bad of ['not json', '[1]', { action: 'delete' }, { action: 'submit', note: 7 }]) {
      const res = await act(users.author, doc.id, bad)
      expect(res.status).toBe(400)
      expect(res.json.error).toMatch(/\w+ \w+/)
    }
    const noNote = await act(users.reviewer, doc.id, { action: 'request-changes', note: '  ' })
    expect(noNote.status).toBe(400)
    expect(noNote.json.error).toMatch(/what needs to change/)
    expect((await act(users.author, 999_999, { action: 'submit' })).status).toBe(404)
    expect((await act(users.author, 'x;drop', { action: 'submit' })).status).toBe(404)
    expect((await stored(doc.id)).review?.status).toBe('draft')
  }, 30_000)
})

describe('what the actions keep', () => {
  it('submit and approve change the review state and nothing else of the draft', async () => {
    const doc = await draftBy(users.author, 'Walking groups', 'Walking together helps.')
    expect((await act(users.author, doc.id, { action: 'submit' })).status).toBe(200)
    expect((await stored(doc.id)).title).toBe('Walking groups')
    expect((await act(users.reviewer, doc.id, { action: 'approve' })).status).toBe(200)
    const after = await stored(doc.id)
    expect(after.review?.status).toBe('approved')
    expect(after.title).toBe('Walking groups')
    expect(JSON.stringify(after.body)).toContain('Walking together helps.')
    const asReviewer = await payload.findByID({
      collection: 'articles',
      id: doc.id,
      draft: true,
      depth: 0,
      user: users.reviewer,
      overrideAccess: false,
    })
    expect(asReviewer.title).toBe('Walking groups')
  }, 60_000)
})

describe('the review round', () => {
  it('submit → request changes → resubmit → approve → publish, each by the right role', async () => {
    const doc = await draftBy(
      users.author,
      'Grounding exercises',
      'Grounding exercises bring attention back to the room when anxiety rises.',
    )
    const id = doc.id

    // Only signed-in staff who may edit articles can submit; a coordinator cannot.
    const byCoordinator = await act(users.coordinator, id, { action: 'submit' })
    expect(byCoordinator.status).toBe(403)
    expect((await stored(id)).review?.status).toBe('draft')

    emails.length = 0
    const submitted = await act(users.author, id, { action: 'submit' })
    expect(submitted.status).toBe(200)
    expect(submitted.json.doc.review.status).toBe('in-review')
    expect(emails).toHaveLength(1)
    expect(emails[0].to).toEqual(expect.arrayContaining([users.reviewer.email, users.both.email]))
    expect(emails[0].to).not.toContain(users.author.email)
    expect(emails[0].text).toContain(`/admin/collections/articles/${id}`)
    expect(emails[0].text).not.toContain('bring attention back')

    const again = await act(users.author, id, { action: 'submit' })
    expect(again.status).toBe(409)
    expect(again.json.error).toBe('It is already waiting for review.')

    // Editors can neither approve nor request changes; the rule's own words come back.
    const selfApproval = await act(users.editor, id, { action: 'approve' })
    expect(selfApproval.status).toBe(422)
    expect(selfApproval.json.error).toBe(
      'Only a reviewer can approve an article. Submit it for review instead.',
    )
    expect(selfApproval.json.error).not.toMatch(/following field/i)
    const editorRequest = await act(users.editor, id, { action: 'request-changes', note: 'x' })
    expect(editorRequest.status).toBe(422)
    expect(editorRequest.json.error).toBe('Only a reviewer can request changes.')
    expect((await stored(id)).review?.status).toBe('in-review')

    emails.length = 0
    const note = 'Please add a source for the breathing technique.'
    const requested = await act(users.reviewer, id, { action: 'request-changes', note })
    expect(requested.status).toBe(200)
    const afterRequest = await stored(id)
    expect(afterRequest.review?.status).toBe('changes-requested')
    expect(afterRequest.review?.note).toBe(note)
    expect(emails).toHaveLength(1)
    expect(emails[0].to).toEqual([users.author.email])
    expect(emails[0].subject).toMatch(/Changes requested/)
    expect(emails[0].text).not.toContain(note)

    // Publishing is refused until approved, and nothing goes public.
    const early = await act(users.author, id, { action: 'publish' })
    expect(early.status).toBe(422)
    expect(early.json.error).toMatch(/Only approved content can be published/)
    expect(await isPublic(id)).toBe(false)

    await payload.update({
      collection: 'articles',
      id,
      data: {
        sources: [{ title: 'Breathing and anxiety', publisher: 'NHS', year: 2024 }],
      },
      draft: true,
      user: users.author,
      overrideAccess: false,
    })
    expect((await act(users.author, id, { action: 'submit' })).status).toBe(200)

    emails.length = 0
    const approved = await act(users.reviewer, id, { action: 'approve' })
    expect(approved.status).toBe(200)
    const afterApproval = await stored(id)
    expect(afterApproval.review?.status).toBe('approved')
    expect(afterApproval.review?.approvedBy).toBe(users.reviewer.id)
    expect(afterApproval.reviewer).toBe(users.reviewer.id)
    expect(emails).toHaveLength(1)
    expect(emails[0].to).toEqual([users.author.email])
    expect(emails[0].subject).toMatch(/^Approved/)
    expect((await act(users.reviewer, id, { action: 'approve' })).status).toBe(409)

    expect((await act(users.coordinator, id, { action: 'publish' })).status).toBe(403)
    expect(await isPublic(id)).toBe(false)
    const published = await act(users.author, id, { action: 'publish' })
    expect(published.status).toBe(200)
    expect(published.json.doc._status).toBe('published')
    expect(await isPublic(id)).toBe(true)
  }, 60_000)

  it('an author holding the reviewer role cannot approve their own article', async () => {
    const doc = await draftBy(users.both, 'Journaling for low mood', 'Journaling for low mood.')
    expect((await act(users.both, doc.id, { action: 'submit' })).status).toBe(200)
    const res = await act(users.both, doc.id, { action: 'approve' })
    expect(res.status).toBe(422)
    expect(res.json.error).toBe(
      'You are the author of this article, so another reviewer must approve it.',
    )
    expect((await stored(doc.id)).review?.status).toBe('in-review')
  }, 30_000)

  it('an approval blocked by personal data says so once, and is logged at info without a stack', async () => {
    const doc = await draftBy(
      users.author,
      'Talking to your GP',
      'Talking to your GP about mood. Email me at jo.bloggs@example.org for tips.',
    )
    expect((await act(users.author, doc.id, { action: 'submit' })).status).toBe(200)
    logLines.length = 0
    const res = await act(users.reviewer, doc.id, { action: 'approve' })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatch(/^Personal data was found in the text/)
    expect(res.json.error).not.toMatch(/following field/i)
    expect((await stored(doc.id)).review?.status).toBe('in-review')
    const refusal = logLines.map((l) => JSON.parse(l)).find((l) => /refused/.test(l.msg))
    expect(refusal).toMatchObject({ level: 30, action: 'approve', article: doc.id })
    expect(logLines.join('\n')).not.toMatch(/stack|jo\.bloggs/)
  }, 30_000)
})

describe('findings across saves', () => {
  it("keep their row ids, and an editor's stale form cannot drop a reviewer's override", async () => {
    const doc = await draftBy(
      users.author,
      'Support after a loss',
      'Support after a loss. Call Jo on 07700 900123 any evening.',
    )
    const first = doc.findings ?? []
    expect(first.length).toBeGreaterThan(0)
    const stale = first.map((f) => ({ ...f }))

    // Saving again finds the same thing: same rows, same ids (no new, empty rows in the form).
    const again = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { summary: 'Where to find support.' },
      draft: true,
      user: users.author,
      overrideAccess: false,
      depth: 0,
    })
    expect(again.findings?.map((f) => f.id)).toEqual(first.map((f) => f.id))

    const overridden = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { findings: first.map((f) => ({ ...f, overrideReason: 'consent on file' })) },
      draft: true,
      user: users.reviewer,
      overrideAccess: false,
      depth: 0,
    })
    expect(overridden.findings?.every((f) => f.overrideReason === 'consent on file')).toBe(true)

    // The editor's tab still holds the rows from before the override and autosaves them.
    const editorSave = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { summary: 'Where to find support after a loss.', findings: stale },
      draft: true,
      user: users.author,
      overrideAccess: false,
      depth: 0,
    })
    expect(editorSave.findings?.length).toBe(first.length)
    expect(editorSave.findings?.every((f) => f.overrideReason === 'consent on file')).toBe(true)
    expect(editorSave.findings?.map((f) => f.id)).toEqual(first.map((f) => f.id))
  }, 30_000)
})
