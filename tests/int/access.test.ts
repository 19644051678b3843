import type { Payload } from 'payload'

import { startPayload, type TestPayload } from '../helpers/payload'
import { body, createUser } from '../helpers/fixtures'

const CANARY = 'CANARY-private-7f3a'

let t: TestPayload
let payload: Payload
let coordinator: Awaited<ReturnType<typeof createUser>>
let editor: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  coordinator = await createUser(payload, ['coordinator'])
  editor = await createUser(payload, ['editor'])
  await payload.create({
    collection: 'articles',
    data: { title: 'Published piece', body: body('Open text.'), _status: 'published' },
  })
  await payload.create({
    collection: 'articles',
    draft: true,
    data: { title: `Draft ${CANARY}`, body: body(`Draft body ${CANARY}`), _status: 'draft' },
  })
  await payload.create({
    collection: 'support-groups',
    data: {
      name: 'Tuesday circle',
      _status: 'published',
      facilitation: 'peer-led',
      format: 'in-person',
      schedule: {
        timezone: 'Europe/London',
        weekly: [{ weekdays: ['tuesday'], startTime: '18:30' }],
      },
      coordinators: [coordinator.id],
      area: { city: 'Leeds', lat: 53.799612, lng: -1.549077 },
      private: {
        address: `1 Fake Street ${CANARY}`,
        meetingLink: `https://meet.example.test/${CANARY}`,
        facilitatorContact: { name: `Fac ${CANARY}`, phone: '+44 7700 900123' },
        internalNotes: CANARY,
      },
    },
  })
}, 120_000)

afterAll(async () => t?.stop())

describe('anonymous callers through the Local API with access enforced', () => {
  it('see published articles only', async () => {
    const res = await payload.find({ collection: 'articles', overrideAccess: false, depth: 0 })
    expect(res.docs.map((d) => d.title)).toEqual(['Published piece'])
    expect(JSON.stringify(res)).not.toContain(CANARY)
  })

  it('never receive private group fields, and coordinates are rounded to ~1 km', async () => {
    const res = await payload.find({
      collection: 'support-groups',
      overrideAccess: false,
      depth: 1,
    })
    expect(res.docs).toHaveLength(1)
    expect(res.docs[0].private).toBeUndefined()
    expect(res.docs[0].area?.lat).toBe(53.8)
    expect(res.docs[0].area?.lng).toBe(-1.55)
    expect(JSON.stringify(res)).not.toContain(CANARY)
  })

  it('cannot filter on private fields to probe them', async () => {
    await expect(
      payload.find({
        collection: 'support-groups',
        overrideAccess: false,
        where: { 'private.internalNotes': { like: 'CANARY' } },
      }),
    ).rejects.toThrow()
  })

  it('cannot read versions', async () => {
    await expect(
      payload.findVersions({ collection: 'articles', overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('staff', () => {
  it('an editor sees drafts but not private group fields', async () => {
    const articles = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      user: editor,
      draft: true,
    })
    expect(articles.docs).toHaveLength(2)
    const groups = await payload.find({
      collection: 'support-groups',
      overrideAccess: false,
      user: editor,
    })
    expect(JSON.stringify(groups)).not.toContain(CANARY)
  })

  it("the group's coordinator reads the private fields", async () => {
    const groups = await payload.find({
      collection: 'support-groups',
      overrideAccess: false,
      user: coordinator,
    })
    expect(groups.docs[0].private?.address).toContain(CANARY)
  })
})
