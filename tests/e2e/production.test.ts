import { spawnSync } from 'node:child_process'
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'

import { startReceiver } from '../helpers/receiver'
import { startServer, type RunningServer } from '../helpers/server'

const root = path.resolve(import.meta.dirname, '../..')

describe('npm start in production mode', () => {
  it('refuses to run with an example secret, before building anything', () => {
    const res = spawnSync(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', 'src/cli/start.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          NODE_ENV: 'production',
          PAYLOAD_SECRET: 'changeme',
        },
        timeout: 60_000,
      },
    )
    expect(res.status).toBe(1)
    expect(res.stderr).toMatch(/Haven cannot start: PAYLOAD_SECRET must be set/)
  })

  it('refuses an unsupported DATABASE_URL with the accepted forms', () => {
    const res = spawnSync(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', 'src/cli/start.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: 'mysql://root@127.0.0.1/haven' },
        timeout: 60_000,
      },
    )
    expect(res.status).toBe(1)
    expect(res.stderr).toMatch(/DATABASE_URL has an unsupported form \(mysql:\).*postgres:\/\//)
  })
})

describe('a running server', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer()
  }, 600_000)
  afterAll(async () => {
    if (server) await server.stop()
  }, 60_000)

  it('prints where the admin and the APIs are, and is healthy', async () => {
    expect(server.output()).toMatch(/Admin UI\s+http:\/\/localhost:\d+\/admin/)
    expect(server.output()).toMatch(/GraphQL API\s+http:\/\/localhost:\d+\/graphql/)
    const res = await fetch(`${server.url}/api/health`)
    expect(res.status).toBe(200)
  })

  it('answers /graphql and /feeds itself, before Next routes the request', async () => {
    const query = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 1) { nodes { title } } }' }),
    })
    expect(query.status).toBe(200)
    expect((await query.json()).data.articles.nodes).toHaveLength(1)
    // Next's /graphql route exports no PUT: only the server's own fast path answers it with the
    // API's JSON error (Next would give an empty 405).
    const put = await fetch(`${server.url}/graphql`, { method: 'PUT' })
    expect(put.status).toBe(405)
    expect((await put.json()).errors[0].message).toBe('Use GET or POST.')
    const feed = await fetch(`${server.url}/feeds/meeting-guide.json`)
    expect(feed.status).toBe(200)
    expect(Array.isArray(await feed.json())).toBe(true)
  })

  it('lets an in-flight request finish on SIGTERM, then exits cleanly', async () => {
    const url = new URL('/api/users/login', server.url)
    const payload = JSON.stringify({ email: server.admin.email, password: server.admin.password })
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          let body = ''
          res.on('data', (d) => (body += d))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      // Half the body now; the rest after the server has been told to stop.
      req.write(payload.slice(0, 10))
      setTimeout(() => req.end(payload.slice(10)), 1500)
    })
    await new Promise((r) => setTimeout(r, 500))
    const exit = server.stop('SIGTERM')
    const res = await response
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).token).toBeTruthy()
    expect(await exit).toBe(0)
    expect(server.output()).toMatch(/SIGTERM received: finishing in-flight requests/)
    server = undefined as unknown as RunningServer
  }, 60_000)
})

describe('SIGTERM while a webhook is being delivered', () => {
  it('lets the attempt finish and records it, so a restart sends nothing twice', async () => {
    const receiver = await startReceiver()
    // The receiver takes 3 s to answer: the server is told to stop in the middle.
    receiver.script('/slow', { status: 200, delayMs: 3000 })
    const env = { HAVEN_WEBHOOK_ALLOW_PRIVATE: 'true', HAVEN_WEBHOOK_POLL_MS: '200' }
    let first: RunningServer | undefined = await startServer(env)
    let second: RunningServer | undefined
    const dataDir = first.dataDir
    const admin = first.admin
    const as = async (server: RunningServer, route: string, method = 'GET', body?: unknown) => {
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      })
      const { token } = (await login.json()) as { token: string }
      const res = await fetch(`${server.url}${route}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, json: (await res.json()) as Record<string, any> }
    }
    try {
      const created = await as(first, '/api/webhook-endpoints', 'POST', {
        name: 'Slow static site',
        url: receiver.url('/slow'),
        mode: 'signed',
        coalesceSeconds: 0,
        active: true,
      })
      expect(created.status).toBe(201)
      expect(
        (await as(first, `/api/webhook-endpoints/${created.json.doc.id}/test`, 'POST')).status,
      ).toBe(202)
      await receiver.waitFor(1, '/slow')

      const exit = first.stop('SIGTERM', { keepData: true })
      expect(await exit).toBe(0)
      first = undefined
      // The answer arrived before the process exited, and the attempt was written down.
      expect(receiver.to('/slow')[0].answeredWith).toBe(200)

      second = await startServer({ ...env, HAVEN_DATA_DIR: dataDir })
      const login = await fetch(`${second.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      })
      expect(login.status).toBe(200)
      const deliveries = await as(second, '/api/webhook-deliveries?depth=0&limit=10')
      expect(deliveries.json.docs).toHaveLength(1)
      expect(deliveries.json.docs[0]).toMatchObject({ status: 'delivered', lastStatusCode: 200 })
      // Nothing is sent again after the restart.
      await new Promise((r) => setTimeout(r, 2000))
      expect(receiver.to('/slow')).toHaveLength(1)
    } finally {
      await first?.stop()
      await second?.stop()
      await receiver.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 600_000)
})
