import type { Payload } from 'payload'

import type { StoredFinding } from '../../src/checks/types'
import { decodeText } from '../../src/import/decodeText'
import { importArticles } from '../../src/import/importArticles'
import { parseArticleText } from '../../src/import/parseArticleText'
import { toLexical } from '../../src/lib/lexical'
import { demoArticles } from '../../src/seed/demoArticles'
import { plainText, readSeeds } from '../helpers/qualitySampleArticles'
import { startPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
}, 120_000)

afterAll(async () => t?.stop(), 60_000)

const WRONG_TITLE = 'Mental Health Rights In The Workplace'
// The seed files are web copy about peer-support groups, each under a misleading title.
const peerSupport = readSeeds().map(({ bytes }) => parseArticleText(decodeText(bytes)).blocks)

const titleFindings = async (id: string | number) =>
  (
    ((await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).findings ??
      []) as StoredFinding[]
  ).filter((f) => f.check === 'title-mismatch')

let created = 0
const save = (title: string, blocks: Parameters<typeof toLexical>[0]) =>
  payload.create({
    collection: 'articles',
    draft: true,
    depth: 0,
    data: { title, slug: `weights-${++created}`, body: toLexical(blocks), _status: 'draft' },
  })

describe('title weights without a library', () => {
  it('flags a workplace-rights title over a peer-support text as the first article', async () => {
    expect((await payload.count({ collection: 'article-signatures' })).totalDocs).toBe(0)
    const doc = await save(WRONG_TITLE, peerSupport[1])
    const [finding] = await titleFindings(doc.id)
    expect(finding?.match).toBe(WRONG_TITLE)
    expect(finding.score).toBeLessThan(0.3)
  })

  it('does not flag a title that says what the text is about', async () => {
    expect((await payload.count({ collection: 'article-signatures' })).totalDocs).toBe(1)
    const doc = await save('Benefits of peer support groups', peerSupport[0])
    expect(await titleFindings(doc.id)).toEqual([])
  })

  it('still flags the same article imported after others', async () => {
    for (const a of demoArticles) await save(a.title, a.blocks)
    const text = `${WRONG_TITLE}\n\n${plainText(peerSupport[1]).replace(/\n/g, '\n\n')}\n`
    const { outcomes } = await importArticles(payload, [
      { name: 'workplace.txt', bytes: new TextEncoder().encode(text) },
    ])
    expect(outcomes[0].title).toBe(WRONG_TITLE)
    expect(outcomes[0].flags).toContain('title-mismatch')
    const [finding] = await titleFindings(outcomes[0].id!)
    expect(finding.score).toBeLessThan(0.3)
  }, 120_000)
})
