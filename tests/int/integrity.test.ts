import type { Payload } from 'payload'

import type { StoredFinding } from '../../src/checks/types'
import { importArticles } from '../../src/import/importArticles'
import { toLexical } from '../../src/lib/lexical'
import { seedBlockedPhrases } from '../../src/quality/seedBlockedPhrases'
import { demoArticles } from '../../src/seed/demoArticles'
import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import {
  join,
  partialCopy,
  peerSupportSource,
  peerSupportSynonymsReordered,
  sleepArticle,
} from '../helpers/integrityTexts'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  await seedBlockedPhrases(payload)
  // A library for the title check's word weights: Haven's demo articles.
  for (const [i, a] of demoArticles.entries())
    await payload.create({
      collection: 'articles',
      draft: true,
      depth: 0,
      data: {
        title: a.title,
        slug: `library-${i}`,
        body: toLexical(a.blocks),
        contentWarnings: (a.contentWarnings ?? []) as never,
        _status: 'draft',
      },
    })
}, 180_000)

afterAll(async () => t?.stop(), 60_000)

let created = 0
const create = (title: string, text: string, data: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    draft: true,
    depth: 0,
    data: { title, slug: `integrity-${++created}`, body: body(text), _status: 'draft', ...data },
  })

const findingsOf = async (id: string | number) =>
  ((await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).findings ??
    []) as StoredFinding[]

const about = (findings: StoredFinding[], check: string, related?: string | number) =>
  findings.filter((f) => f.check === check && (related == null || f.related === String(related)))

describe('copies: both articles get the finding, with a link to the other', () => {
  it('flags a 40 % partial copy as containment on the new and the older article at once', async () => {
    const source = await create('Why peer support groups help', join(peerSupportSource))
    const copy = await create('Peer groups and your rights at work', partialCopy(0.4))

    const onCopy = about(await findingsOf(copy.id), 'containment', source.id)
    expect(onCopy).toHaveLength(1)
    expect(onCopy[0].score).toBeGreaterThan(0.3)
    expect(onCopy[0].message).toContain(`/admin/collections/articles/${source.id}`)
    expect(onCopy[0].message).toMatch(/contains \d+% of “Why peer support groups help”/)

    // The older article was not saved again by anyone, yet it knows.
    const onSource = about(await findingsOf(source.id), 'containment', copy.id)
    expect(onSource).toHaveLength(1)
    expect(onSource[0].message).toContain(`/admin/collections/articles/${copy.id}`)
  }, 60_000)

  it('flags a reordered synonym rewrite as a duplicate on both sides', async () => {
    const source = await create('Why peer support circles help', join(peerSupportSource))
    const rewrite = await create(
      'What peer support circles offer',
      join(peerSupportSynonymsReordered),
    )
    expect(about(await findingsOf(rewrite.id), 'duplicate', source.id)).toHaveLength(1)
    expect(about(await findingsOf(source.id), 'duplicate', rewrite.id)).toHaveLength(1)
  }, 60_000)

  it('flags a 60 % partial copy as containment and as a duplicate', async () => {
    const source = await create('Sleep when you are anxious', join(sleepArticle))
    const copy = await create(
      'Sleep, work and peer groups',
      partialCopy(0.6, sleepArticle, peerSupportSource),
    )
    const findings = await findingsOf(copy.id)
    expect(about(findings, 'containment', source.id)[0].score).toBeGreaterThan(0.45)
    expect(about(findings, 'duplicate', source.id)).toHaveLength(1)
  }, 60_000)
})

describe('title–body mismatch with library word weights', () => {
  it.each(['Mental Health Rights In The Workplace', 'Sleep tips for anxious nights'])(
    'flags “%s” over a body about peer-support groups',
    async (title) => {
      const doc = await create(title, join(peerSupportSource.slice(0, 12)))
      expect(about(await findingsOf(doc.id), 'title-mismatch')).toHaveLength(1)
    },
    60_000,
  )

  it('does not flag a title that says what the body is about', async () => {
    const doc = await create('Sleep tips for anxious nights', join(sleepArticle))
    expect(about(await findingsOf(doc.id), 'title-mismatch')).toHaveLength(0)
  }, 60_000)
})

describe('testimonials, phrase variants and content warnings on save', () => {
  it('quotes exactly the testimonial and the phrase variant it found', async () => {
    const text = `${join(sleepArticle.slice(0, 6))} Sarah, 34, told us that the dual-diagnosis treatment programme changed her nights.`
    const findings = await findingsOf((await create('Sleep and anxiety', text)).id)
    expect(about(findings, 'privacy').map((f) => f.match)).toEqual(['Sarah, 34'])
    expect(about(findings, 'blocked-phrase').map((f) => f.match)).toEqual([
      'dual-diagnosis treatment',
    ])
  }, 60_000)

  it('suggests a content warning for a body about self-harm until one is set', async () => {
    const text = `Self-harm is a way some people cope with feelings that seem unbearable. ${join(peerSupportSource.slice(0, 8))} Talking about self-harming in a group can feel frightening at first, and nobody has to share details.`
    const doc = await create('Peer support for people who self-harm', text)
    const suggestion = about(await findingsOf(doc.id), 'content-warning')
    expect(suggestion.map((f) => f.match)).toEqual(['Self-harm'])
    await payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { contentWarnings: ['self-harm'] },
    })
    expect(about(await findingsOf(doc.id), 'content-warning')).toEqual([])
  }, 60_000)
})

describe('overrides', () => {
  it('refuses an editor’s override reason with a 403 that says why, and keeps a reviewer’s', async () => {
    const editor = await createUser(payload, ['editor'])
    const reviewer = await createUser(payload, ['reviewer'])
    const doc = await create(
      'Sleep and anxiety at night',
      `${join(sleepArticle)} Tom, 52, said it helped.`,
    )
    const findings = await findingsOf(doc.id)
    const withReason = findings.map((f) =>
      f.check === 'privacy' ? { ...f, overrideReason: 'consent on file' } : f,
    )
    const attempt = payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { findings: withReason as never },
      user: editor,
      overrideAccess: false,
    })
    await expect(attempt).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Only a reviewer or an admin can override'),
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { findings: withReason as never },
      user: reviewer,
      overrideAccess: false,
    })
    const stored = about(await findingsOf(doc.id), 'privacy')
    expect(stored[0].overrideReason).toBe('consent on file')
    // The editor saving the form back unchanged (reason included) is not an attempt.
    const current = await findingsOf(doc.id)
    await payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { findings: current as never, summary: 'Edited by the editor' },
      user: editor,
      overrideAccess: false,
    })
    expect(about(await findingsOf(doc.id), 'privacy')[0].overrideReason).toBe('consent on file')
  }, 60_000)
})

describe('the importer', () => {
  const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) })
  const versionsOf = async (id: string | number) =>
    (await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } } }))
      .totalDocs

  it('keeps siteA/article.txt and siteB/article.txt apart, and a re-run writes nothing', async () => {
    const files = [
      file('siteA/article.txt', `Peer support groups\n\n${join(peerSupportSource.slice(0, 10))}\n`),
      file('siteB/article.txt', `Better sleep\n\n${join(sleepArticle.slice(0, 10))}\n`),
    ]
    const first = await importArticles(payload, files)
    expect(first.outcomes.map((o) => o.status)).toEqual(['imported', 'imported'])
    const [a, b] = first.outcomes.map((o) => o.id!)
    expect(a).not.toEqual(b)
    const before = [await versionsOf(a), await versionsOf(b)]

    const again = await importArticles(payload, files)
    expect(again.outcomes.map((o) => [o.status, o.id])).toEqual([
      ['unchanged', a],
      ['unchanged', b],
    ])
    expect([await versionsOf(a), await versionsOf(b)]).toEqual(before)
    const doc = await payload.findByID({ collection: 'articles', id: b, draft: true, depth: 0 })
    expect(doc.importSource).toBe('siteB/article.txt')
  }, 60_000)

  it('attributes drafts to "Imported": the first editor to save does not become the author', async () => {
    const editor = await createUser(payload, ['editor', 'reviewer'])
    const reviewer = await createUser(payload, ['reviewer'])
    const { outcomes } = await importArticles(payload, [
      file('attrib/why-groups.txt', `Why groups help\n\n${join(peerSupportSource.slice(0, 12))}\n`),
    ])
    const id = outcomes[0].id!
    let doc = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(doc).toMatchObject({ attribution: 'imported', author: null })

    await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { summary: 'How peer groups help.', review: { status: 'in-review' } },
      user: editor,
      overrideAccess: false,
    })
    doc = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(doc.author ?? null).toBeNull()
    // Another reviewer approves; the editor who only submitted it could approve too, not being
    // its author, but did change the text, so the workflow asks for someone else.
    await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { review: { status: 'approved' } },
      user: reviewer,
      overrideAccess: false,
    })
    doc = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(doc.review?.status).toBe('approved')
  }, 60_000)

  it('summarises findings with scores and the related article, and asks for a missing title', async () => {
    const { outcomes } = await importArticles(payload, [
      file('summary/source.txt', `How peer support groups work\n\n${join(peerSupportSource)}\n`),
      file('summary/copy.txt', `Groups at work\n\n${partialCopy(0.6)}\n`),
      file(
        'summary/untitled.txt',
        `When I first walked into the community hall on a wet Tuesday evening I had no idea that the people in that circle would become my closest friends.\n\n${join(sleepArticle)}\n`,
      ),
    ])
    const [source, copy, untitled] = outcomes
    // The library already holds other copies of the same source text: any of them will do.
    expect(source.status).toBe('imported')
    const copied = copy.findings!.find((f) => f.check === 'containment')
    const related = await payload.findByID({
      collection: 'articles',
      id: copied!.related!,
      draft: true,
      depth: 0,
    })
    expect(copied!.relatedTitle).toBe(related.title)
    expect(copied!.score).toBeGreaterThan(0.4)
    expect(untitled.title).toMatch(/^When I first walked into the community hall.*…$/)
    expect(untitled.flags).toContain('title-needed')
  }, 60_000)
})

describe('re-signing index rows written before the current signature', () => {
  it('re-signs old rows from the article, drops rows whose article is gone, then finds none', async () => {
    const { reindexSignatures } = await import('../../src/quality/reindexSignatures')
    const kept = await create('Sleep and low mood, kept', join(sleepArticle))
    const gone = await create('Sleep and low mood, deleted', join(sleepArticle))
    const rowOf = async (id: string | number) =>
      (
        await payload.find({
          collection: 'article-signatures',
          where: { article: { equals: id } },
          depth: 0,
          overrideAccess: true,
        })
      ).docs[0]
    const fresh = await rowOf(kept.id)
    expect(fresh?.text).toBeTruthy()

    // Rows as the first index wrote them: no plain-text sketch, and band keys of an old scheme.
    for (const id of [kept.id, gone.id]) {
      const row = await rowOf(id)
      await payload.update({
        collection: 'article-signatures',
        id: row!.id,
        data: { text: null, textCount: null, bands: ['old-scheme-key'] },
        overrideAccess: true,
      })
    }
    // The deleted article's row is left behind (as a crash between the two writes would).
    const orphan = await rowOf(gone.id)
    await payload.db.deleteOne({ collection: 'articles', where: { id: { equals: gone.id } } })

    expect(await reindexSignatures(payload)).toBeGreaterThanOrEqual(1)
    const resigned = await rowOf(kept.id)
    expect(resigned?.text).toEqual(fresh?.text)
    expect([...(resigned?.bands ?? [])].sort()).toEqual([...(fresh?.bands ?? [])].sort())
    const left = await payload.find({
      collection: 'article-signatures',
      where: { id: { equals: orphan!.id } },
      overrideAccess: true,
    })
    expect(left.totalDocs).toBe(0)
    // Nothing stale is left, so the next start does no work.
    expect(await reindexSignatures(payload)).toBe(0)
  }, 60_000)
})
