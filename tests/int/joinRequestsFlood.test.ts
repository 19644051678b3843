/**
 * A flood of join requests from many addresses, sent as an attacker would: through the public
 * API over real HTTP, with each request's client address set by X-Forwarded-For behind a trusted
 * proxy (HAVEN_TRUST_PROXY=1), the way a rotating proxy pool reaches a real deployment. The group
 * keeps its default budgets. Afterwards a real person from a new address writes in.
 */
import type { Payload } from 'payload'

import { issueFormToken } from '../../src/joinRequests/formToken'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startApi, type Api, type Reply } from '../helpers/graphqlApi'

let t: TestPayload
let payload: Payload
let api: Api
let coordinator: { id: number | string; email: string }
const emails: Array<{ to: unknown; subject?: string; text?: string }> = []

const MUTATION = `mutation Join($group: ID!, $name: String!, $contact: String!, $consent: Boolean!,
  $formToken: String!) {
  requestToJoinGroup(group: $group, name: $name, contact: $contact, consent: $consent,
    formToken: $formToken) { ok message }
}`

const REAL_PERSON = { name: 'Rowan Realperson', contact: 'rowan.real@example.org' }

async function openGroup(name: string) {
  return payload.create({
    collection: 'support-groups',
    data: {
      name,
      openToNewMembers: true,
      coordinators: [coordinator.id],
      _status: 'published',
    } as never,
    depth: 0,
  })
}

const send = (group: { id: number | string }, from: string, who = { name: 'x', contact: '' }) =>
  api.post(
    MUTATION,
    {
      group: String(group.id),
      name: who.name,
      contact: who.contact || `junk.${Math.random().toString(36).slice(2)}@example.net`,
      consent: true,
      // A form shown a minute ago, as the joinRequestForm query issues it.
      formToken: issueFormToken(payload.secret, String(group.id), new Date(Date.now() - 60_000)),
    },
    { 'x-forwarded-for': from },
  )

const statusesOf = async (group: { id: number | string }) =>
  (
    await payload.find({
      collection: 'join-requests',
      where: { group: { equals: group.id } },
      pagination: false,
      depth: 0,
    })
  ).docs.map((d) => d.status)

const count = (values: unknown[], value: unknown) => values.filter((v) => v === value).length
const ok = (r: Reply) => r.status === 200 && r.json?.data?.requestToJoinGroup?.ok === true
const mailAbout = (group: { name?: string | null }) =>
  emails.filter((m) => m.subject?.includes(String(group.name)))

beforeAll(async () => {
  t = await startPayload({ HAVEN_TRUST_PROXY: '1' })
  payload = t.payload
  const sendEmail = payload.sendEmail.bind(payload)
  payload.sendEmail = async (message) => {
    emails.push(message as (typeof emails)[number])
    return sendEmail(message)
  }
  coordinator = await createUser(payload, ['coordinator'])
  api = await startApi(payload)
}, 120_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
})

describe('40 rotating addresses, 30 of them in one IPv6 /64', () => {
  it('count as 11 clients: the /64 gets its 5, the group stays open, a real person is emailed', async () => {
    const group = await openGroup('Tuesday circle')
    const answers: Reply[] = []
    for (let i = 1; i <= 30; i++)
      answers.push(await send(group, `2001:db8:bad:1::${i.toString(16)}`))
    for (let i = 1; i <= 10; i++) answers.push(await send(group, `198.51.100.${i}`))
    expect(count(answers.slice(0, 30).map(ok), true)).toBe(5)
    expect(answers.slice(5, 30).every((r) => r.status === 429)).toBe(true)
    expect(answers.slice(30).every(ok)).toBe(true)

    const real = await send(group, '203.0.113.77', REAL_PERSON)
    expect(ok(real)).toBe(true)
    const statuses = await statusesOf(group)
    expect(statuses).toHaveLength(16)
    expect(count(statuses, 'new')).toBe(16)
    // One email per request, the real person's included; no "held" notice, nothing was held.
    expect(mailAbout(group)).toHaveLength(16)
    expect(mailAbout(group).every((m) => /^New request/.test(m.subject ?? ''))).toBe(true)
  })
})

describe('40 addresses in 40 different networks', () => {
  it('past 30 the requests are held, the coordinator hears once, a real person is still confirmed', async () => {
    const group = await openGroup('Thursday circle')
    const flood: Reply[] = []
    for (let i = 1; i <= 40; i++) flood.push(await send(group, `2001:db8:${i.toString(16)}::1`))
    expect(flood.every(ok)).toBe(true)

    const real = await send(group, '203.0.113.78', REAL_PERSON)
    // Word for word the answer anyone gets, so a flooder cannot tell held from delivered either.
    expect(real.status).toBe(200)
    expect(real.json.data.requestToJoinGroup).toEqual(flood[0].json.data.requestToJoinGroup)

    const statuses = await statusesOf(group)
    expect(count(statuses, 'new')).toBe(30)
    expect(count(statuses, 'held')).toBe(11)
    const mail = mailAbout(group)
    const notices = mail.filter((m) => /held for review/.test(m.subject ?? ''))
    expect(notices).toHaveLength(1)
    expect(notices[0].to).toEqual([coordinator.email])
    expect(notices[0].text).toContain('/admin/collections/join-requests?where[status][equals]=held')
    // 30 usual emails and the one notice: none for each held request.
    expect(mail).toHaveLength(31)
  })

  it('the held ones are bounded: past HAVEN_JOIN_HELD_PER_GROUP the form asks to try later', async () => {
    process.env.HAVEN_JOIN_RATE_PER_GROUP = '2'
    process.env.HAVEN_JOIN_HELD_PER_GROUP = '3'
    try {
      const group = await openGroup('Saturday circle')
      const answers: Reply[] = []
      for (let i = 1; i <= 7; i++) answers.push(await send(group, `192.0.2.${100 + i}`))
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429])
      expect(answers[5].json.errors[0].message).toMatch(/many requests in the last hour/)
      expect((await statusesOf(group)).sort()).toEqual(['held', 'held', 'held', 'new', 'new'])
    } finally {
      delete process.env.HAVEN_JOIN_RATE_PER_GROUP
      delete process.env.HAVEN_JOIN_HELD_PER_GROUP
    }
  })
})

describe('client addresses', () => {
  it('IPv4 counts per address by default; HAVEN_JOIN_IPV4_PREFIX=24 makes a /24 one client', async () => {
    const group = await openGroup('Sunday circle')
    const fromBlock = async (prefix: string) => {
      const answers: Reply[] = []
      for (let i = 1; i <= 6; i++) answers.push(await send(group, `${prefix}.${i}`))
      return answers.map((r) => r.status)
    }
    expect(await fromBlock('198.18.1')).toEqual([200, 200, 200, 200, 200, 200])
    process.env.HAVEN_JOIN_IPV4_PREFIX = '24'
    try {
      expect(await fromBlock('198.18.2')).toEqual([200, 200, 200, 200, 200, 429])
    } finally {
      delete process.env.HAVEN_JOIN_IPV4_PREFIX
    }
  })

  it('without a trusted proxy, forged X-Forwarded-For addresses are one client: the socket', async () => {
    process.env.HAVEN_TRUST_PROXY = ''
    try {
      const group = await openGroup('Monday circle')
      const statuses: number[] = []
      for (let i = 1; i <= 6; i++) statuses.push((await send(group, `2001:db8:f00:${i}::1`)).status)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    } finally {
      process.env.HAVEN_TRUST_PROXY = '1'
    }
  })
})
