import type { Payload } from 'payload'

import type { StoredFinding } from '../../src/checks/types'
import { importArticles } from '../../src/import/importArticles'
import { startPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
}, 120_000)

afterAll(async () => t?.stop(), 60_000)

// A body about tracking one's mood under a title that also promises gardening. Alone in an
// empty library it scores just above the threshold (0.307): "mood" and "gardening" are both
// specific in the shipped table. Every other file of the batch is about mood too, so once the
// batch of 14 is in, "mood" says less and the missing "gardening" more (0.27).
const TITLE = 'Mood gardening'
const first = [
  TITLE,
  'Keeping track of your mood for a few weeks shows patterns that are easy to miss from day to day.',
  'Note the time you went to bed, what you ate, who you saw and how much you moved.',
  'After a fortnight, look back and ask what came before the better days and what came before the harder ones.',
  'Many people find that a short walk, a regular meal or a call to a friend lifts their mood more than they expected.',
  'Share what you notice with someone you trust, or bring the notes to your next appointment with your doctor.',
  'A record like this is not a test you can fail; it is a way of learning what helps your mood.',
  // A testimonial: a privacy finding that the title re-check must leave in place.
  'Sarah, 34, told us that the notes helped her more than she had hoped.',
].join('\n\n')

const topics = ['Sleep', 'Exercise', 'Music', 'Cooking', 'Reading', 'Walking', 'Friendship']
const others = [...topics, 'Volunteering', 'Painting', 'Swimming', 'Singing', 'Dancing', 'Writing']
const about = (topic: string, i: number) => {
  const t = topic.toLowerCase()
  return [
    `${topic} and mood`,
    `Some people notice that ${t} changes their mood. In week ${i + 1}, a small group tried ${t} for twenty minutes each day and wrote a line about how they felt afterwards.`,
    `Most said that ${t} helped them settle, though a few found it tiring at first. Nobody should feel pushed into ${t}; the point is to find something that suits you.`,
    'If low mood lasts for weeks, talk to a doctor or a counsellor, who can suggest other kinds of help.',
  ].join('\n\n')
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

const findingsOf = async (id: string | number) =>
  ((await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).findings ??
    []) as StoredFinding[]

describe('an import re-checks the batch titles once the batch is in', () => {
  it('flags the first file of the batch, which passed when it was saved alone', async () => {
    const { outcomes } = await importArticles(payload, [
      file('mood.txt', first),
      ...others.map((topic, i) => file(`${topic.toLowerCase()}.txt`, about(topic, i))),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 'imported'))
    const [mood, ...rest] = outcomes
    expect(mood.title).toBe(TITLE)

    // Its first version is what the save alone decided; the re-check came after the batch.
    const { docs: versions } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: mood.id } },
      sort: 'createdAt',
      depth: 0,
    })
    const checksOf = (findings: unknown) =>
      ((findings ?? []) as StoredFinding[]).map((f) => f.check)
    expect(checksOf(versions[0].version.findings)).toEqual(['privacy'])

    expect(mood.flags).toContain('title-mismatch')
    const [finding] = (await findingsOf(mood.id!)).filter((f) => f.check === 'title-mismatch')
    expect(finding.match).toBe(TITLE)
    expect(finding.score).toBeLessThan(0.3)
    expect(mood.flags).toContain('privacy')
    // The other files name what they treat and are left as they were.
    for (const o of rest) expect(o.flags).not.toContain('title-mismatch')
  }, 180_000)
})
