import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { jest } from '@jest/globals'
import { pino } from 'pino'
import type { Payload } from 'payload'

import { checkFormToken, issueFormToken } from '../../src/joinRequests/formToken'
import { closeSpentTokenStore, spendFormToken } from '../../src/joinRequests/spendFormToken'
import { submitJoinRequest } from '../../src/joinRequests/submit'
import { loggerOptions } from '../../src/logging/loggerConfig'
import { sealedKeyId } from '../../src/lib/crypto/seal'
import { everythingStored as everythingStored_ } from '../helpers/database'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startApi, type Api } from '../helpers/graphqlApi'

type User = Awaited<ReturnType<typeof createUser>>

const CANARY = {
  name: 'Quill Canarywood',
  contact: 'quill.canary.7f3a@example.org',
  message: 'CANARY-MESSAGE-7f3a I have been low since spring',
}
const CANARIES = Object.values(CANARY)

let t: TestPayload
let payload: Payload
let api: Api
let coordinator: User
let otherCoordinator: User
let editor: User
let admin: User
let openGroup: { id: number | string }
let closedGroup: { id: number | string }
const logLines: string[] = []
const consoleLines: string[] = []
const emails: Array<{ to: unknown; subject?: string; text?: string; html?: string }> = []

const MUTATION = `mutation Join($group: ID!, $name: String!, $contact: String!, $message: String,
  $consent: Boolean!, $formToken: String!, $website: String) {
  requestToJoinGroup(group: $group, name: $name, contact: $contact, message: $message,
    consent: $consent, formToken: $formToken, website: $website) { ok message }
}`

// A token as the joinRequestForm query issues it, for a form shown a minute ago.
const tokenFor = (group: string | number, secondsAgo = 60) =>
  issueFormToken(payload.secret, String(group), new Date(Date.now() - secondsAgo * 1000))

const join = (vars: Record<string, unknown> = {}) =>
  api.post(MUTATION, {
    group: String(openGroup.id),
    ...CANARY,
    consent: true,
    formToken: tokenFor(openGroup.id),
    ...vars,
  })

async function group(name: string, openToNewMembers: boolean, coordinators: unknown[]) {
  return payload.create({
    collection: 'support-groups',
    data: { name, openToNewMembers, coordinators, _status: 'published' } as never,
  })
}

// Raw storage of the test database (SQLite file, PostgreSQL rows or MongoDB documents).
const everythingStored = () => everythingStored_(t.databaseUrl, t.dataDir)

beforeAll(async () => {
  // Many requests below come from this one test client; the per-IP limit has its own tests.
  t = await startPayload({ HAVEN_JOIN_RATE_PER_IP: '1000' })
  payload = t.payload
  const capture = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  // The same options payload.config.ts gives Payload's logger, writing where the test can read.
  payload.logger = pino(loggerOptions(), capture)
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level]
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '))
      original(...args)
    })
  }
  const send = payload.sendEmail.bind(payload)
  payload.sendEmail = async (message) => {
    emails.push(message as (typeof emails)[number])
    return send(message)
  }
  coordinator = await createUser(payload, ['coordinator'])
  otherCoordinator = await createUser(payload, ['coordinator'])
  editor = await createUser(payload, ['editor'])
  admin = await createUser(payload, ['admin'])
  openGroup = await group('Open circle', true, [coordinator.id])
  closedGroup = await group('Closed circle', false, [coordinator.id])
  api = await startApi(payload)
}, 120_000)

afterAll(async () => {
  jest.restoreAllMocks()
  await api?.stop()
  await t?.stop()
})

let requestId: number | string

describe('requestToJoinGroup', () => {
  it('accepts a valid request without echoing it, and emails the coordinator a link only', async () => {
    const form = await api.post(
      `{ joinRequestForm(group: "${openGroup.id}") { token minimumSeconds honeypotField } }`,
    )
    expect(form.json.data.joinRequestForm).toMatchObject({
      minimumSeconds: 4,
      honeypotField: 'website',
    })

    const res = await join()
    expect(res.status).toBe(200)
    expect(res.json.data.requestToJoinGroup.ok).toBe(true)
    for (const c of CANARIES) expect(res.text).not.toContain(c)

    const stored = await payload.find({ collection: 'join-requests', depth: 0 })
    expect(stored.totalDocs).toBe(1)
    requestId = stored.docs[0].id
    expect(emails).toHaveLength(1)
    expect(emails[0].to).toEqual([coordinator.email])
    expect(emails[0].text).toContain(`/admin/collections/join-requests/${requestId}`)
    for (const c of CANARIES) expect(JSON.stringify(emails[0])).not.toContain(c)
  })

  it.each([
    ['no consent', { consent: false }, 400, 'BAD_USER_INPUT', /consent/i],
    [
      'a contact that is neither email nor phone',
      { contact: 'ask at the desk' },
      400,
      'BAD_USER_INPUT',
      /email address or a phone/,
    ],
    ['an empty name', { name: '   ' }, 400, 'BAD_USER_INPUT', /Enter your name/],
    [
      'a message over 2000 characters',
      { message: 'x'.repeat(2001) },
      400,
      'BAD_USER_INPUT',
      /2000/,
    ],
    ['a form sent too fast', { formToken: 'NOW' }, 400, 'BAD_USER_INPUT', /too quickly/],
    ['a forged token', { formToken: 'FORGED' }, 400, 'BAD_USER_INPUT', /token/],
    ['a token for another group', { formToken: 'OTHER' }, 400, 'BAD_USER_INPUT', /token/],
    [
      'a group that is not open',
      { group: 'CLOSED' },
      409,
      'GROUP_CLOSED',
      /not taking new members/,
    ],
    ['an unknown group', { group: '999999' }, 404, 'NOT_FOUND', /Unknown group/],
  ])('refuses %s with a clear message', async (_label, vars, status, code, message) => {
    const v = { ...vars } as Record<string, unknown>
    if (v.group === 'CLOSED') v.group = String(closedGroup.id)
    if (v.group) v.formToken = tokenFor(String(v.group))
    if (v.formToken === 'NOW') v.formToken = tokenFor(openGroup.id, 0)
    if (v.formToken === 'FORGED')
      v.formToken = tokenFor(openGroup.id).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    if (v.formToken === 'OTHER') v.formToken = tokenFor(closedGroup.id)
    const res = await join(v)
    expect(res.status).toBe(status)
    expect(res.json.errors[0].extensions.code).toBe(code)
    expect(res.json.errors[0].message).toMatch(message)
    for (const c of CANARIES) expect(res.text).not.toContain(c)
    expect((await payload.count({ collection: 'join-requests' })).totalDocs).toBe(1)
  })

  it('pretends to accept a filled honeypot, and stores nothing', async () => {
    const res = await join({ website: 'http://spam.example' })
    expect(res.json.data.requestToJoinGroup.ok).toBe(true)
    expect((await payload.count({ collection: 'join-requests' })).totalDocs).toBe(1)
  })

  it('limits requests per client IP and per group', async () => {
    const before = {
      ip: process.env.HAVEN_JOIN_RATE_PER_IP,
      group: process.env.HAVEN_JOIN_RATE_PER_GROUP,
    }
    try {
      process.env.HAVEN_JOIN_RATE_PER_IP = '2'
      const input = { group: String(openGroup.id), ...CANARY, consent: true, website: 'bot' }
      const send = (ip: string) =>
        submitJoinRequest(payload, { ...input, formToken: tokenFor(openGroup.id) }, { ip })
      await send('192.0.2.1')
      await send('192.0.2.1')
      await expect(send('192.0.2.1')).rejects.toMatchObject({ code: 'RATE_LIMITED' })
      await expect(send('192.0.2.2')).resolves.toMatchObject({ ok: true })

      process.env.HAVEN_JOIN_RATE_PER_IP = '100'
      process.env.HAVEN_JOIN_RATE_PER_GROUP = '1'
      process.env.HAVEN_JOIN_HELD_PER_GROUP = '1'
      const limited = await group('Busy circle', true, [coordinator.id])
      const real = (ip: string) =>
        submitJoinRequest(
          payload,
          { ...input, website: '', group: String(limited.id), formToken: tokenFor(limited.id) },
          { ip },
        )
      await real('192.0.2.10')
      // Past the group's usual number a request is held for review; past the held ones, refused.
      await expect(real('192.0.2.11')).resolves.toMatchObject({ ok: true })
      const refusal = await real('192.0.2.12').catch((e) => e)
      expect(refusal).toMatchObject({ code: 'RATE_LIMITED' })
      expect(refusal.message).toMatch(/Try again in \d+ minutes/)
    } finally {
      process.env.HAVEN_JOIN_RATE_PER_IP = before.ip ?? ''
      process.env.HAVEN_JOIN_RATE_PER_GROUP = before.group ?? ''
      delete process.env.HAVEN_JOIN_HELD_PER_GROUP
    }
  })
})

describe('per-group cap and form tokens', () => {
  const input = () => ({ ...CANARY, consent: true, website: '' })

  it('one client, however persistent, cannot close a group to everyone else', async () => {
    const before = process.env.HAVEN_JOIN_RATE_PER_GROUP
    try {
      process.env.HAVEN_JOIN_RATE_PER_GROUP = '2'
      const busy = await group('Persistent circle', true, [coordinator.id])
      const send = (ip: string) =>
        submitJoinRequest(
          payload,
          { ...input(), group: String(busy.id), formToken: tokenFor(busy.id) },
          { ip },
        )
      for (let i = 0; i < 4; i++)
        await expect(send('192.0.2.50')).resolves.toMatchObject({ ok: true })
      await expect(send('192.0.2.51')).resolves.toMatchObject({ ok: true })
      // Two distinct clients fill this group's hour; a third is held for review, every time.
      await expect(send('192.0.2.52')).resolves.toMatchObject({ ok: true })
      await expect(send('192.0.2.52')).resolves.toMatchObject({ ok: true })
      const { docs } = await payload.find({
        collection: 'join-requests',
        where: { group: { equals: busy.id } },
        sort: 'createdAt',
        depth: 0,
      })
      expect(docs.map((d) => d.status)).toEqual(['new', 'new', 'new', 'new', 'new', 'held', 'held'])
    } finally {
      process.env.HAVEN_JOIN_RATE_PER_GROUP = before ?? ''
    }
  })

  it('a form token works once', async () => {
    const formToken = tokenFor(openGroup.id)
    const first = await join({ formToken, website: '' })
    expect(first.json.data.requestToJoinGroup.ok).toBe(true)
    const replay = await join({ formToken, website: '' })
    expect(replay.json.errors[0].message).toMatch(/already been sent/)
    expect(replay.json.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    const direct = await submitJoinRequest(
      payload,
      { ...input(), group: String(openGroup.id), formToken },
      { ip: '192.0.2.60' },
    ).catch((e) => e)
    expect(direct).toMatchObject({ code: 'BAD_USER_INPUT' })
  })
})

describe('spent form tokens are shared by every process', () => {
  afterAll(() => closeSpentTokenStore())
  const spend = (token: string, redisUrl?: string) =>
    spendFormToken(
      payload,
      checkFormToken(payload.secret, token, String(openGroup.id)),
      new Date(),
      redisUrl,
    )

  it('in the database without Redis: a second spend is refused', async () => {
    const token = tokenFor(openGroup.id)
    await expect(spend(token)).resolves.toBeUndefined()
    await expect(spend(token)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' })
    const rows = await payload.find({ collection: 'used-form-tokens', overrideAccess: true })
    expect(rows.docs.length).toBeGreaterThan(0)
  })

  it('in Redis when REDIS_URL is set, with an expiry', async () => {
    const redisUrl = `redis://127.0.0.1:6379`
    const token = tokenFor(openGroup.id)
    await expect(spend(token, redisUrl)).resolves.toBeUndefined()
    await expect(spend(token, redisUrl)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' })
    const { Redis } = await import('ioredis')
    const redis = new Redis(redisUrl)
    try {
      const ttl = await redis.pttl(`haven-join-token:${token.split('.').pop()}`)
      expect(ttl).toBeGreaterThan(0)
    } finally {
      await redis.quit()
    }
  })
})

describe('rate limits through the public API', () => {
  it("count requests by the caller's address", async () => {
    const before = process.env.HAVEN_JOIN_RATE_PER_IP
    try {
      // A fresh limit key: the test client's address has used none of this budget yet.
      process.env.HAVEN_JOIN_RATE_PER_IP = '2'
      const honeypot = { website: 'bot' }
      const statuses = [] as number[]
      for (let i = 0; i < 3; i++) statuses.push((await join(honeypot)).status)
      expect(statuses.slice(0, 2)).toEqual([200, 200])
      const refused = await join(honeypot)
      expect(refused.status).toBe(429)
      expect(refused.text).not.toContain(CANARY.name)
    } finally {
      process.env.HAVEN_JOIN_RATE_PER_IP = before ?? ''
    }
  })
})

describe('confidentiality of a stored request', () => {
  it('the plaintext is absent from the database, which holds one authenticated envelope', async () => {
    const everything = await everythingStored()
    for (const c of CANARIES) expect(everything).not.toContain(c)
    const raw = await payload.db.findOne<{ id: number; sealed: string }>({
      collection: 'join-requests',
      where: { id: { equals: requestId } },
    })
    expect(raw?.sealed).toMatch(/^hv1\./)
    // The dump really holds the stored request, so the absence above means something.
    expect(everything).toContain(raw!.sealed)
  })

  it("is readable by the group's coordinator and by admins, each read audited", async () => {
    const auditBefore = await payload.count({
      collection: 'audit-log',
      where: { action: { equals: 'join-request.read' } },
    })
    for (const user of [coordinator, admin, coordinator]) {
      const doc = await payload.findByID({
        collection: 'join-requests',
        id: requestId,
        user,
        overrideAccess: false,
        depth: 0,
      })
      expect({ name: doc.name, contact: doc.contact, message: doc.message }).toEqual(CANARY)
    }
    const reads = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'join-request.read' } },
      sort: '-createdAt',
      depth: 0,
    })
    expect(reads.totalDocs - auditBefore.totalDocs).toBe(3)
    expect(reads.docs.slice(0, 3).map((e) => [e.actor, e.targetId])).toEqual([
      [coordinator.id, String(requestId)],
      [admin.id, String(requestId)],
      [coordinator.id, String(requestId)],
    ])
    for (const c of CANARIES) expect(JSON.stringify(reads.docs)).not.toContain(c)
  })

  it('lists show no content (and so record no read)', async () => {
    const readsWhere = { action: { equals: 'join-request.read' } } as const
    const before = await payload.count({ collection: 'audit-log', where: readsWhere })
    const list = await payload.find({
      collection: 'join-requests',
      user: coordinator,
      overrideAccess: false,
      depth: 0,
    })
    expect(list.docs.length).toBeGreaterThan(0)
    for (const c of CANARIES) expect(JSON.stringify(list)).not.toContain(c)
    expect(await payload.count({ collection: 'audit-log', where: readsWhere })).toEqual(before)
  })

  it('is not readable by anyone else, even through server code that skips access control', async () => {
    for (const user of [otherCoordinator, editor]) {
      await expect(
        payload.findByID({
          collection: 'join-requests',
          id: requestId,
          user,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
      if (user === otherCoordinator) {
        const list = await payload.find({
          collection: 'join-requests',
          user,
          overrideAccess: false,
        })
        expect(list.totalDocs).toBe(0)
      } else {
        await expect(
          payload.find({ collection: 'join-requests', user, overrideAccess: false }),
        ).rejects.toThrow()
      }
      const bypass = await payload.findByID({ collection: 'join-requests', id: requestId, user })
      expect(bypass.name).toBeNull()
    }
    await expect(
      payload.find({ collection: 'join-requests', overrideAccess: false }),
    ).rejects.toThrow()
    const server = await payload.findByID({ collection: 'join-requests', id: requestId })
    for (const c of CANARIES) expect(JSON.stringify(server)).not.toContain(c)
    expect(JSON.stringify(server)).not.toContain('hv1.')
  })

  it('never appears in a public API response', async () => {
    const res = await api.post(`{ supportGroups { edges { node { id name } } } }`)
    for (const c of CANARIES) expect(res.text).not.toContain(c)
  })

  it('never appears in a log line or on the console', async () => {
    // Exercise the error paths too: a failing email and an invalid request both log.
    const failing = jest
      .spyOn(payload, 'sendEmail')
      .mockRejectedValueOnce(new Error(`SMTP refused ${CANARY.contact}`))
    await join({ formToken: tokenFor(openGroup.id) })
    failing.mockRestore()
    await join({ contact: `${CANARY.name} no contact` })
    payload.logger.info({ data: { ...CANARY }, variables: { ...CANARY } }, 'a careless log line')
    expect(logLines.join('\n')).toContain('Could not email the coordinators')
    for (const c of CANARIES) {
      expect(logLines.join('\n')).not.toContain(c)
      expect(consoleLines.join('\n')).not.toContain(c)
    }
  })
})

describe('retention and key rotation', () => {
  it('an old request disappears when the retention job runs; a recent one stays', async () => {
    const old = await payload.create({
      collection: 'join-requests',
      data: { group: openGroup.id as number, consent: true, sealed: 'hv1.x.y.z.w' },
      overrideAccess: true,
    })
    const days = 31 * 24 * 60 * 60 * 1000
    await payload.db.updateOne({
      collection: 'join-requests',
      id: old.id,
      data: { createdAt: new Date(Date.now() - days).toISOString() },
    })
    await payload.jobs.queue({ task: 'deleteExpiredJoinRequests', input: {}, queue: 'maintenance' })
    await payload.jobs.run({ queue: 'maintenance' })
    const left = await payload.find({ collection: 'join-requests', depth: 0, limit: 100 })
    expect(left.docs.map((d) => d.id)).not.toContain(old.id)
    expect(left.docs.map((d) => d.id)).toContain(requestId)
    const audit = await payload.find({
      collection: 'audit-log',
      where: { summary: { like: 'Retention' } },
    })
    expect(audit.docs[0].details).toMatchObject({ count: 1, ids: [String(old.id)] })
  })

  it('re-encrypts everything under a new key; old data opens during and after rotation', async () => {
    const devKeys = fs.readFileSync(path.join(t.dataDir, '.encryption-keys'), 'utf8').trim()
    const newKey = `k2:${crypto.randomBytes(32).toString('base64')}`
    process.env.HAVEN_ENCRYPTION_KEYS = `${newKey},${devKeys}`
    try {
      const readAsCoordinator = () =>
        payload.findByID({
          collection: 'join-requests',
          id: requestId,
          user: coordinator,
          overrideAccess: false,
        })
      expect((await readAsCoordinator()).name).toBe(CANARY.name)
      await payload.jobs.queue({ task: 'reencryptJoinRequests', input: {}, queue: 'maintenance' })
      await payload.jobs.run({ queue: 'maintenance' })
      const rows = await payload.db.find<{ id: number; sealed: string }>({
        collection: 'join-requests',
        limit: 0,
        pagination: false,
      })
      expect(rows.docs.map((r) => sealedKeyId(r.sealed))).toEqual(rows.docs.map(() => 'k2'))
      process.env.HAVEN_ENCRYPTION_KEYS = newKey
      expect(await readAsCoordinator()).toMatchObject(CANARY)
      const everything = await everythingStored()
      for (const c of CANARIES) expect(everything).not.toContain(c)
      for (const r of rows.docs) expect(everything).toContain(r.sealed)
    } finally {
      delete process.env.HAVEN_ENCRYPTION_KEYS
    }
  })
})
