import type { Payload } from 'payload'

import type { StoredFinding } from '../../src/checks/types'
import { importEndpoint } from '../../src/import/importEndpoint'
import { importArticles, type ImportFile } from '../../src/import/importArticles'
import { lexicalToPlainText } from '../../src/lib/lexical'
import { seedBlockedPhrases } from '../../src/quality/seedBlockedPhrases'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { readSeeds } from '../helpers/qualitySampleArticles'

let t: TestPayload
let payload: Payload
const seeds: ImportFile[] = readSeeds().map(({ file, bytes }) => ({ name: file, bytes }))

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  await seedBlockedPhrases(payload)
}, 120_000)

afterAll(async () => t?.stop(), 60_000)

const draftOf = async (id: string | number) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })

const headingsOf = (doc: { body?: unknown }) =>
  (
    doc.body as { root: { children: Array<{ type: string; children: Array<{ text: string }> }> } }
  ).root.children
    .filter((n) => n.type === 'heading')
    .map((n) => n.children[0].text)

const versionsOf = async (id: string | number) =>
  (await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } } }))
    .totalDocs

describe('importing the seed web copy', () => {
  let first: Awaited<ReturnType<typeof importArticles>>
  let ids: Array<string | number>

  beforeAll(async () => {
    first = await importArticles(payload, seeds)
    ids = first.outcomes.map((o) => o.id!)
  }, 60_000)

  it('creates three drafts and flags all three', () => {
    expect(first.summary).toEqual({ imported: 3, updated: 0, unchanged: 0, failed: 0, flagged: 3 })
  })

  it('gives each draft its title, headings and paragraphs, without boilerplate', async () => {
    const docs = await Promise.all(ids.map(draftOf))
    expect(docs.map((d) => d.title)).toEqual([
      'What Is Dialectical Behavior Therapy',
      'How Does Transcranial Magnetic Stimulation Tms Work',
      'What Is Resilience In Psychology',
    ])
    for (const doc of docs) {
      expect(doc._status).toBe('draft')
      expect(headingsOf(doc)).toHaveLength(6)
      expect(headingsOf(doc)[1]).toMatch(/^1\. Shared (Experiences|Knowledge)$/)
      const text = lexicalToPlainText(doc.body)
      expect(text).not.toMatch(/blog article/i)
      expect(text).not.toContain(doc.title)
      expect(text.split('\n')).toHaveLength(6 + 17)
      expect(doc.importSource).toMatch(/^00\d_[0-9a-f]+\.txt$/)
      expect(doc.importHash).toMatch(/^[0-9a-f]{64}$/)
    }
    const published = await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
    })
    expect(published.totalDocs).toBe(0)
  })

  it('flags each as a duplicate of the other two, with score and id', async () => {
    for (const id of ids) {
      const findings = ((await draftOf(id)).findings ?? []) as StoredFinding[]
      const duplicates = findings.filter((f) => f.check === 'duplicate')
      expect(duplicates.map((f) => f.related).sort()).toEqual(
        ids
          .filter((other) => other !== id)
          .map(String)
          .sort(),
      )
      for (const f of duplicates) expect(f.score).toBeGreaterThanOrEqual(0.3)
    }
  })

  it('flags each title as not matching its body, and each pasted phrase', async () => {
    const pasted = ['online therapy sessions', 'depression treatment programs', 'cbt therapy']
    for (const [i, id] of ids.entries()) {
      const findings = ((await draftOf(id)).findings ?? []) as StoredFinding[]
      expect(findings.filter((f) => f.check === 'title-mismatch')).toHaveLength(1)
      expect(findings.filter((f) => f.check === 'blocked-phrase').map((f) => f.match)).toEqual([
        pasted[i],
      ])
    }
  })

  it('changes nothing when the same files are imported again', async () => {
    const before = await Promise.all(ids.map(versionsOf))
    const again = await importArticles(payload, seeds)
    expect(again.summary).toEqual({ imported: 0, updated: 0, unchanged: 3, failed: 0, flagged: 3 })
    expect(again.outcomes.map((o) => o.id)).toEqual(ids)
    expect(await Promise.all(ids.map(versionsOf))).toEqual(before)
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(3)
  })

  it('updates the draft when a file changed', async () => {
    const changed = {
      name: seeds[0].name,
      bytes: Buffer.concat([
        Buffer.from(seeds[0].bytes),
        Buffer.from('\n\nA closing paragraph added by the organisation in 2024.\n'),
      ]),
    }
    const result = await importArticles(payload, [changed])
    expect(result.summary.updated).toBe(1)
    expect(result.outcomes[0].id).toBe(ids[0])
    const doc = await draftOf(ids[0])
    expect(lexicalToPlainText(doc.body)).toMatch(/A closing paragraph added .* 2024\.$/)
    expect(doc._status).toBe('draft')
  })
})

describe('bad files', () => {
  it('reports each with a clear error and imports the others', async () => {
    const result = await importArticles(payload, [
      { name: 'picture.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) },
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
      { name: 'latin1.txt', bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x41]) },
      {
        name: 'good.txt',
        bytes: Buffer.from('Sleep and mood\n\nSleep and mood affect each other.\n'),
      },
    ])
    expect(result.outcomes.map((o) => [o.file, o.status, o.error])).toEqual([
      ['picture.txt', 'failed', 'This is a binary file, not plain text.'],
      ['empty.txt', 'failed', 'The file is empty.'],
      ['latin1.txt', 'failed', expect.stringMatching(/not valid UTF-8/)],
      ['good.txt', 'imported', undefined],
    ])
    const stored = await payload.find({
      collection: 'articles',
      where: { importSource: { in: ['picture.txt', 'empty.txt', 'latin1.txt', 'good.txt'] } },
      draft: true,
    })
    expect(stored.docs.map((d) => d.importSource)).toEqual(['good.txt'])
  })
})

describe('the admin upload endpoint', () => {
  const call = async (user: unknown, form: FormData) => {
    const request = new Request('http://127.0.0.1/api/articles/import', {
      method: 'POST',
      body: form,
    })
    const req = Object.assign(Object.create(null), {
      payload,
      user,
      headers: request.headers,
      method: 'POST',
      formData: () => request.formData(),
    })
    const res = await importEndpoint.handler(req)
    return { status: res.status, json: await res.json() }
  }
  const formWith = (...files: Array<[string, string]>) => {
    const form = new FormData()
    for (const [name, text] of files) form.append('files', new Blob([text]), name)
    return form
  }

  it('imports uploaded files as drafts for an editor', async () => {
    const editor = await createUser(payload, ['editor'])
    const res = await call(
      { ...editor, collection: 'users' },
      formWith([
        'grounding.txt',
        'Grounding\n\nName five things you can see, four you can touch.\n',
      ]),
    )
    expect(res.status).toBe(200)
    expect(res.json.summary).toMatchObject({ imported: 1, failed: 0 })
    const doc = await draftOf(res.json.outcomes[0].id)
    expect(doc).toMatchObject({
      title: 'Grounding',
      _status: 'draft',
      importSource: 'grounding.txt',
    })
  })

  it('refuses anonymous callers, non-editors and empty uploads with a 4xx', async () => {
    const coordinator = await createUser(payload, ['coordinator'])
    const editor = await createUser(payload, ['editor'])
    expect((await call(null, formWith(['a.txt', 'A\n\nText.']))).status).toBe(401)
    expect((await call(coordinator, formWith(['a.txt', 'A\n\nText.']))).status).toBe(403)
    expect((await call(editor, new FormData())).status).toBe(400)
  })
})
