/**
 * Accounts and client addresses, tried as an attacker would over real HTTP: Payload's REST
 * handlers behind the same X-Forwarded-For stamping as src/server.ts, with clients on different
 * loopback addresses (127.0.0.x) so "another client" is a different socket, not a header.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { restRoutes } from '../../src/auth/restRoutes'
import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startRestServer, type RestServer } from '../helpers/restServer'
import { createImage, startApi } from '../helpers/graphqlApi'

// Each sign-in costs a 600,000-round PBKDF2, about half a second on a busy machine.
jest.setTimeout(60_000)

const PASSWORD = 'correct-horse-battery-staple'
let t: TestPayload
let payload: Payload
let rest: RestServer
let config: Awaited<typeof import('../../payload.config')>['default']
let admin: { email: string }
let editor: { email: string }

const env = (values: Record<string, string | undefined>) => {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(values))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  return () => {
    for (const [k, v] of Object.entries(before))
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
  }
}

const login = (email: string, password: string, from: string) =>
  rest.call('/api/users/login', { method: 'POST', body: { email, password }, from })

async function tokenOf(email: string) {
  const { token } = await payload.login({
    collection: 'users',
    data: { email, password: PASSWORD },
  })
  return token!
}

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  // Imported only now: the config reads the test database's settings when it is evaluated.
  config = (await import('../../payload.config')).default
  rest = await startRestServer(restRoutes(config))
  admin = await createUser(payload, ['admin'])
  editor = await createUser(payload, ['editor'])
}, 120_000)
afterAll(async () => {
  await rest?.stop()
  await t?.stop()
})

describe('client address', () => {
  it('a forged X-Forwarded-For neither dodges nor spends a limit when no proxy is configured', async () => {
    const restore = env({ HAVEN_REST_RATE_READ: '3', HAVEN_TRUST_PROXY: undefined })
    try {
      const attacker = '127.0.0.21'
      const victim = '127.0.0.22'
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const forged = i % 2 === 0 ? `203.0.113.${i}` : victim
        statuses.push(
          (
            await rest.call('/api/topics', {
              from: attacker,
              headers: { 'x-forwarded-for': forged },
            })
          ).status,
        )
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      const refused = await rest.call('/api/topics', { from: attacker })
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
      expect(refused.json.errors[0].message).toMatch(
        /Too many read requests .* limit is 3 per 60 seconds/,
      )
      // The victim's budget is whole: nothing the attacker sent was counted against it.
      for (let i = 0; i < 3; i++)
        expect((await rest.call('/api/topics', { from: victim })).status).toBe(200)
    } finally {
      restore()
    }
  })

  it('reads and writes have separate budgets', async () => {
    const restore = env({ HAVEN_REST_RATE_READ: '2', HAVEN_REST_RATE_WRITE: '4' })
    try {
      const from = '127.0.0.23'
      await rest.call('/api/topics', { from })
      await rest.call('/api/topics', { from })
      expect((await rest.call('/api/topics', { from })).status).toBe(429)
      const write = await rest.call('/api/topics', { method: 'POST', body: { name: 'x' }, from })
      expect(write.status).toBe(403)
    } finally {
      restore()
    }
  })

  it('honours X-Forwarded-For behind HAVEN_TRUST_PROXY, counting the hop the proxy added', async () => {
    const restore = env({ HAVEN_REST_RATE_READ: '2', HAVEN_TRUST_PROXY: '1' })
    try {
      const proxy = '127.0.0.31'
      const via = (chain: string) =>
        rest.call('/api/topics', { from: proxy, headers: { 'x-forwarded-for': chain } })
      // The proxy appends the address it saw; whatever the client wrote to the left is ignored.
      expect((await via('198.51.100.1')).status).toBe(200)
      expect((await via('forged-1, 198.51.100.1')).status).toBe(200)
      expect((await via('forged-2, 198.51.100.1')).status).toBe(429)
      expect((await via('198.51.100.1, 198.51.100.2')).status).toBe(200)
    } finally {
      restore()
    }
  })

  it('the public GraphQL server counts the socket address, not the header', async () => {
    const restore = env({ HAVEN_TRUST_PROXY: undefined })
    const api = await startApi(payload, { rateLimit: 2 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await api.post('{ __typename }', {}, { 'x-forwarded-for': `192.0.2.${i}` })).status,
        )
      expect(statuses).toEqual([200, 200, 429])
    } finally {
      await api.stop()
      restore()
    }
  })
})

describe('sign-in', () => {
  it('answers an unknown email exactly as a wrong password', async () => {
    const wrong = await login(admin.email, 'not-the-password', '127.0.0.40')
    const unknown = await login('nobody-at-all@example.test', 'not-the-password', '127.0.0.40')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(wrong.status)
    expect(unknown.json).toEqual(wrong.json)
  })

  it('five failures from one client do not lock the admin out from another client', async () => {
    const x = '127.0.0.41'
    for (let i = 0; i < 5; i++) expect((await login(admin.email, `guess-${i}`, x)).status).toBe(401)
    // Client X is throttled for this account, even with the right password ...
    const throttled = await login(admin.email, PASSWORD, x)
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0)
    expect(throttled.json.errors[0].message).toMatch(/Too many failed sign-in attempts/)
    // ... the admin, from client Y, is not.
    const fromY = await login(admin.email, PASSWORD, '127.0.0.42')
    expect(fromY.status).toBe(200)
    expect(fromY.json.token).toEqual(expect.any(String))
  })

  it('throttles unknown emails the same way, with the same answer', async () => {
    const known = '127.0.0.43'
    const unknown = '127.0.0.44'
    for (let i = 0; i < 5; i++) {
      await login(editor.email, `guess-${i}`, known)
      await login('ghost@example.test', `guess-${i}`, unknown)
    }
    const a = await login(editor.email, 'again', known)
    const b = await login('ghost@example.test', 'again', unknown)
    expect(a.status).toBe(429)
    expect(b.status).toBe(429)
    expect(b.json).toEqual(a.json)
  })

  it('limits failures per client across accounts, and successful sign-ins do not count', async () => {
    const restore = env({ HAVEN_LOGIN_FAILURES_PER_CLIENT: '6' })
    try {
      const from = '127.0.0.45'
      for (let i = 0; i < 8; i++)
        expect((await login(editor.email, PASSWORD, from)).status).toBe(200)
      for (let i = 0; i < 6; i++) await login(`spray-${i}@example.test`, 'password1', from)
      expect((await login(admin.email, PASSWORD, from)).status).toBe(429)
    } finally {
      restore()
    }
  })

  it('takes as long for an unknown email as for a wrong password (within the noise)', async () => {
    const restore = env({
      HAVEN_LOGIN_FAILURES_PER_ACCOUNT: '10000',
      HAVEN_LOGIN_FAILURES_PER_CLIENT: '10000',
    })
    try {
      const timeOf = async (email: string) => {
        const started = performance.now()
        const res = await login(email, 'wrong-password', '127.0.0.46')
        expect(res.status).toBe(401)
        return performance.now() - started
      }
      const known: number[] = []
      const unknown: number[] = []
      await timeOf(admin.email) // warm-up
      await timeOf('warm@example.test')
      // Interleaved, so load on the machine falls on both alike.
      for (let i = 0; i < 16; i++) {
        // Alternating which goes first, so neither always follows the other.
        if (i % 2 === 0) known.push(await timeOf(admin.email))
        unknown.push(await timeOf(`nobody-${i}@example.test`))
        if (i % 2 === 1) known.push(await timeOf(admin.email))
      }
      const quantile = (xs: number[], q: number) => {
        const s = [...xs].sort((a, b) => a - b)
        const pos = (s.length - 1) * q
        return s[Math.floor(pos)] + (s[Math.ceil(pos)] - s[Math.floor(pos)]) * (pos % 1)
      }
      const median = (xs: number[]) => quantile(xs, 0.5)
      const iqr = (xs: number[]) => quantile(xs, 0.75) - quantile(xs, 0.25)
      const gap = Math.abs(median(known) - median(unknown))
      // Noise: the spread of either sample, and never less than 5 % of the typical answer time.
      const noise = Math.max(iqr(known), iqr(unknown), 0.05 * median(known))
      process.stdout.write(
        `login timing: known median ${median(known).toFixed(1)} ms (IQR ${iqr(known).toFixed(1)}), ` +
          `unknown median ${median(unknown).toFixed(1)} ms (IQR ${iqr(unknown).toFixed(1)}), gap ${gap.toFixed(1)}\n`,
      )
      expect(gap).toBeLessThan(noise)
    } finally {
      restore()
    }
  }, 120_000)
})

describe('unlock', () => {
  it('is refused to an editor and allowed to an admin', async () => {
    const as = async (email: string) =>
      rest.call('/api/users/unlock', {
        method: 'POST',
        body: { email: admin.email },
        headers: { authorization: `JWT ${await tokenOf(email)}` },
        from: '127.0.0.50',
      })
    expect((await as(editor.email)).status).toBe(403)
    expect((await as(admin.email)).status).toBe(200)
  })
})

describe('forgot password', () => {
  it('answers the same whether the account exists, and still sends the reset', async () => {
    const from = '127.0.0.51'
    const known = await rest.call('/api/users/forgot-password', {
      method: 'POST',
      body: { email: editor.email },
      from,
    })
    const unknown = await rest.call('/api/users/forgot-password', {
      method: 'POST',
      body: { email: 'nobody-here@example.test' },
      from,
    })
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(known.status)
    expect(unknown.text).toBe(known.text)
    // The reset itself happens after the answer.
    let token: unknown
    for (let i = 0; i < 100 && !token; i++) {
      const { docs } = await payload.find({
        collection: 'users',
        where: { email: { equals: editor.email } },
        showHiddenFields: true,
      })
      token = (docs[0] as { resetPasswordToken?: string }).resetPasswordToken
      if (!token) await new Promise((r) => setTimeout(r, 50))
    }
    expect(token).toEqual(expect.any(String))
  })

  it('is limited per client, and not available through the GraphQL side door', async () => {
    const restore = env({ HAVEN_FORGOT_PASSWORD_PER_CLIENT: '2' })
    try {
      const ask = () =>
        rest.call('/api/users/forgot-password', {
          method: 'POST',
          body: { email: 'someone@example.test' },
          from: '127.0.0.52',
        })
      expect((await ask()).status).toBe(200)
      expect((await ask()).status).toBe(200)
      const refused = await ask()
      expect(refused.status).toBe(429)
      expect(refused.headers['retry-after']).toBeDefined()
      expect(refused.json.errors[0].message).toMatch(/Too many password reset requests/)
    } finally {
      restore()
    }
    const { graphQL } = await import('@payloadcms/next/routes').then((m) => ({
      graphQL: m.GRAPHQL_POST(config),
    }))
    const res = await graphQL(
      new Request('http://127.0.0.1/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { forgotPasswordUser(email: "${editor.email}") }`,
        }),
      }),
    )
    expect(JSON.stringify(await res.json())).toMatch(/POST \/api\/users\/forgot-password/)
  })
})

describe('reset spacing per account', () => {
  type Sent = { to?: unknown; subject?: string }
  const sent: Sent[] = []
  let original: NonNullable<Payload['email']>['sendEmail']
  beforeAll(() => {
    // The adapter Payload's reset sends through; it still runs, the test only reads its mail.
    original = payload.email.sendEmail
    payload.email.sendEmail = async (message) => {
      sent.push(message as Sent)
      return original(message)
    }
  })
  afterAll(() => {
    payload.email.sendEmail = original
  })
  const ask = (email: string, from: string) =>
    rest.call('/api/users/forgot-password', { method: 'POST', body: { email }, from })
  const resetsTo = (email: string) => sent.filter((m) => m.to === email)
  async function settled(email: string, expected: number) {
    for (let i = 0; i < 100 && resetsTo(email).length < expected; i++)
      await new Promise((r) => setTimeout(r, 50))
    // The resets run after the answers: give a fourth one time to show up if it were coming.
    await new Promise((r) => setTimeout(r, 1_000))
    return resetsTo(email)
  }

  it('15 requests from 15 addresses send exactly 3 emails, and every answer is the same', async () => {
    const target = await createUser(payload, ['editor'])
    const answers = []
    for (let i = 0; i < 15; i++) answers.push(await ask(target.email, `127.0.0.${60 + i}`))
    const stranger = await ask('nobody-at-all@example.test', '127.0.0.80')
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.text).toBe(stranger.text)
    }
    const emails = await settled(target.email, 3)
    expect(emails).toHaveLength(3)
    expect(emails[0].subject).toMatch(/reset/i)
  })

  it('answers as fast for an account as for an unknown email (within the noise)', async () => {
    const accounts: Array<{ email: string }> = []
    for (let i = 0; i < 12; i++) accounts.push(await createUser(payload, ['editor']))
    const timeOf = async (email: string, from: string) => {
      const started = performance.now()
      expect((await ask(email, from)).status).toBe(200)
      const took = performance.now() - started
      // Past the moment a reset for a real account runs, so the next answer starts on a quiet
      // server, as an attacker probing one address at a time would see it.
      await new Promise((r) => setTimeout(r, 600))
      return took
    }
    await timeOf('warm-up@example.test', '127.0.3.1')
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < accounts.length; i++) {
      // Alternating which goes first, so neither always follows the other.
      if (i % 2 === 0) known.push(await timeOf(accounts[i].email, `127.0.3.${10 + i}`))
      unknown.push(await timeOf(`nobody-${i}-${Date.now()}@example.test`, `127.0.3.${40 + i}`))
      if (i % 2 === 1) known.push(await timeOf(accounts[i].email, `127.0.3.${10 + i}`))
    }
    const quantile = (xs: number[], q: number) => {
      const s = [...xs].sort((a, b) => a - b)
      const pos = (s.length - 1) * q
      return s[Math.floor(pos)] + (s[Math.ceil(pos)] - s[Math.floor(pos)]) * (pos % 1)
    }
    const median = (xs: number[]) => quantile(xs, 0.5)
    const iqr = (xs: number[]) => quantile(xs, 0.75) - quantile(xs, 0.25)
    const gap = Math.abs(median(known) - median(unknown))
    // Noise: the spread of either sample, and never less than 5 ms on a shared machine.
    const noise = Math.max(iqr(known), iqr(unknown), 5)
    process.stdout.write(
      `reset timing: account median ${median(known).toFixed(1)} ms (IQR ${iqr(known).toFixed(1)}), ` +
        `unknown median ${median(unknown).toFixed(1)} ms (IQR ${iqr(unknown).toFixed(1)}), gap ${gap.toFixed(1)}\n`,
    )
    expect(gap).toBeLessThan(noise)
    // Every one of those accounts still got its reset.
    const unsent = () => accounts.filter((a) => resetsTo(a.email).length !== 1)
    for (let i = 0; i < 100 && unsent().length > 0; i++) await new Promise((r) => setTimeout(r, 50))
    expect(unsent()).toEqual([])
  }, 120_000)

  it('is counted in Redis when REDIS_URL is set, under a hash of the email', async () => {
    const restore = env({
      REDIS_URL: 'redis://127.0.0.1:6379',
      HAVEN_FORGOT_PASSWORD_PER_ACCOUNT: '2',
    })
    const { namedLimiter, emailKey } = await import('../../src/auth/limiters')
    const { Redis } = await import('ioredis')
    const redis = new Redis('redis://127.0.0.1:6379')
    try {
      // The limiter's first calls go to its in-memory stand-in until its Redis connection is up.
      const limiter = namedLimiter('forgot-password-account', 2, 60 * 60)
      const probe = `probe-${Date.now()}`
      for (
        let i = 0;
        i < 50 && !(await redis.exists(`haven-forgot-password-account:${probe}`));
        i++
      ) {
        await limiter.consume(probe)
        await new Promise((r) => setTimeout(r, 20))
      }
      const target = await createUser(payload, ['editor'])
      for (let i = 0; i < 4; i++)
        expect((await ask(target.email, `127.0.0.${90 + i}`)).status).toBe(200)
      expect(await settled(target.email, 2)).toHaveLength(2)
      const key = `haven-forgot-password-account:${emailKey(target.email)}`
      expect(Number(await redis.get(key))).toBeGreaterThanOrEqual(2)
      expect(await redis.pttl(key)).toBeGreaterThan(0)
    } finally {
      await namedLimiter('forgot-password-account', 2, 60 * 60).close()
      await redis.quit()
      restore()
    }
  })
})

describe('media', () => {
  const ctx = { skipContentChecks: true, skipReviewWorkflow: true }
  let hero: { id: number | string; filename?: string | null }
  let draftOnly: { id: number | string; filename?: string | null }

  beforeAll(async () => {
    hero = await createImage(payload, 'Published hero')
    draftOnly = await createImage(payload, 'Draft-only hero')
    await payload.create({
      collection: 'articles',
      data: {
        title: 'Accounts live article with a hero',
        body: body('Open.'),
        heroImage: hero.id,
        _status: 'published',
      } as never,
      context: ctx,
    })
    await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'Accounts unpublished article with a hero',
        body: body('Draft.'),
        heroImage: draftOnly.id,
        _status: 'draft',
      } as never,
      context: ctx,
    })
  }, 60_000)

  const from = '127.0.0.60'

  it('cannot be listed anonymously, by REST or by Payload GraphQL', async () => {
    expect((await rest.call('/api/media', { from })).status).toBe(403)
    expect((await rest.call('/api/media?where[alt][like]=hero', { from })).status).toBe(403)
    const staff = await rest.call('/api/media', {
      from,
      headers: { authorization: `JWT ${await tokenOf(editor.email)}` },
    })
    expect(staff.status).toBe(200)
    expect(staff.json.totalDocs).toBeGreaterThanOrEqual(2)
  })

  it('serves a file and its document only while published content uses it', async () => {
    expect((await rest.call(`/api/media/${hero.id}`, { from })).status).toBe(200)
    expect((await rest.call(`/api/media/file/${hero.filename}`, { from })).status).toBe(200)
    const doc = await rest.call(`/api/media/${draftOnly.id}`, { from })
    expect([403, 404]).toContain(doc.status)
    expect(doc.text).not.toContain('Draft-only hero')
    const file = await rest.call(`/api/media/file/${draftOnly.filename}`, { from })
    expect([403, 404]).toContain(file.status)
  })

  it('the admin asks no third party for avatars', async () => {
    expect(payload.config.admin.avatar).toBe('default')
    const { createClientConfig } = await import('payload')
    const client = createClientConfig({
      config: payload.config,
      i18n: { t: (k: string) => k } as never,
      importMap: {},
    } as never)
    // The admin's Account icon (@payloadcms/ui) fetches from gravatar.com unless this says 'default'.
    expect((client as { admin: { avatar: unknown } }).admin.avatar).toBe('default')
    expect(JSON.stringify(client)).not.toMatch(/gravatar/i)
  })
})
