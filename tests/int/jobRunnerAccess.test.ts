/**
 * The job queue's HTTP endpoints (GET /api/payload-jobs/run and /handle-schedules) are an
 * admin's tool: real HTTP on 127.0.0.1 with real sign-in tokens, one request per role.
 */
import type { Payload } from 'payload'

import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startPayloadHttp, type PayloadHttp } from '../helpers/payloadHttp'

type Role = 'admin' | 'editor' | 'reviewer' | 'coordinator'

let t: TestPayload
let payload: Payload
let http: PayloadHttp
const tokens = {} as Record<Role, string>

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  for (const role of ['admin', 'editor', 'reviewer', 'coordinator'] as Role[]) {
    const user = await createUser(payload, [role])
    const { token } = await payload.login({
      collection: 'users',
      data: { email: user.email, password: 'correct-horse-battery-staple' },
    })
    tokens[role] = token!
  }
  const { default: config } = await import('../../payload.config')
  http = await startPayloadHttp(config)
}, 120_000)

afterAll(async () => {
  await http?.close()
  await t?.stop()
}, 60_000)

async function run(role: Role | null, path: string) {
  const res = await fetch(`${http.url}/api/payload-jobs/${path}`, {
    headers: role ? { authorization: `JWT ${tokens[role]}` } : {},
  })
  return { status: res.status, text: await res.text() }
}

/** A queued job that only a run of the queue would complete. */
async function queuedJob() {
  return payload.jobs.queue({ task: 'pruneWebhookDeliveries', input: {}, queue: 'probe' })
}

// A job that finished is deleted (Payload's default), so "still waiting" is what is asserted.
const waiting = async (id: number | string) => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { id: { equals: id } },
    depth: 0,
  })
  return docs.length === 1 && !docs[0].completedAt && !docs[0].hasError
}

describe('GET /api/payload-jobs/run', () => {
  it('answers 401 signed out and 403 to every role but admin, and runs nothing', async () => {
    const job = await queuedJob()
    for (const path of ['run?queue=probe', 'handle-schedules']) {
      expect((await run(null, path)).status).toBe(401)
      for (const role of ['editor', 'reviewer', 'coordinator'] as Role[]) {
        const res = await run(role, path)
        expect(res.status).toBe(403)
        expect(res.text).not.toMatch(/\bat .+\.js:\d+/)
      }
    }
    expect(await waiting(job.id)).toBe(true)
  })

  it('runs the queue for an admin', async () => {
    const job = await queuedJob()
    expect(await waiting(job.id)).toBe(true)
    expect((await run('admin', 'run?queue=probe')).status).toBe(200)
    expect(await waiting(job.id)).toBe(false)
  })
})
