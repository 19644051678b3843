import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { bridgeInvalidationsOverRedis } from '../../src/graphql/cache/redisBridge'
import { deliverDue } from '../../src/webhooks/deliverDue'
import { createArticle, createTopic } from '../helpers/graphqlApi'
import { startPayload, type TestPayload } from '../helpers/payload'
import { freePort } from '../helpers/server'
import { createEndpoint, WEBHOOK_TEST_ENV } from '../helpers/webhooks'

// Read-your-publish as an operator runs Haven: two API instances of two workers each on this
// file's database, sharing Redis, with readers hammering every worker on fresh connections while
// this process (a third instance, the one editors save on) publishes 20 changes. Once a publish
// has answered, no reader may get what was there before it — from a cached answer, a cached topic
// tree or a coalesced request — and neither may a webhook receiver that reads the API the moment
// the delivery reaches it, as a frontend's rebuild does.
const root = path.resolve(import.meta.dirname, '../..')
const REDIS_URL = process.env.HAVEN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const QUERY = '{ articles(first: 1) { nodes { title topics { name } } } }'
const CHANGES = 20

let t: TestPayload
let payload: Payload
let stopBridge: () => Promise<void>
const instances: Array<{ child: ChildProcess; url: string; output: string }> = []

type Seen = { title: string; topic: string }
const number = (text: string) => Number(text.split(' ')[1])

function read(url: string): Promise<Seen> {
  const body = JSON.stringify({ query: QUERY })
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false, // a fresh connection each time, so the cluster spreads them over workers
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let data = ''
        res.on('data', (d) => (data += d))
        res.on('end', () => {
          try {
            const node = JSON.parse(data).data.articles.nodes[0]
            resolve({ title: node.title, topic: node.topics[0]?.name })
          } catch {
            reject(new Error(`unexpected answer ${res.statusCode}: ${data.slice(0, 200)}`))
          }
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function startInstance(): Promise<void> {
  const port = await freePort()
  const { NODE_ENV: _test, ...env } = process.env
  const instance = { child: undefined as unknown as ChildProcess, url: '', output: '' }
  instance.url = `http://127.0.0.1:${port}`
  instance.child = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'src/cli/api.ts'],
    {
      cwd: root,
      env: {
        ...(env as NodeJS.ProcessEnv),
        NODE_OPTIONS: '',
        HOST: '127.0.0.1',
        HAVEN_API_PORT: String(port),
        HAVEN_WORKERS: '2',
        HAVEN_DISABLE_JOBS: 'true',
        HAVEN_API_RATE_LIMIT: '0',
        REDIS_URL,
        // The content check is the fallback for writers without Redis; off here, so only the
        // mechanism under test can make answers fresh.
        HAVEN_API_CACHE_CHECK_SECONDS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  instance.child.stdout!.on('data', (d) => (instance.output += d))
  instance.child.stderr!.on('data', (d) => (instance.output += d))
  instances.push(instance)
  for (let i = 0; i < 900; i++) {
    if ((instance.output.match(/Haven API listening/g) ?? []).length >= 2) return
    if (instance.child.exitCode !== null) throw new Error(`api exited: ${instance.output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`api did not start: ${instance.output}`)
}

beforeAll(async () => {
  t = await startPayload(WEBHOOK_TEST_ENV)
  payload = t.payload
  const topic = await createTopic(payload, 'Topic 0')
  await createArticle(payload, { title: 'Title 0', topics: [topic.id] })
  stopBridge = bridgeInvalidationsOverRedis(REDIS_URL)
  await Promise.all([startInstance(), startInstance()])
}, 300_000)

afterAll(async () => {
  await Promise.all(
    instances.map(async ({ child }) => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }),
  )
  await stopBridge?.()
  await t?.stop()
}, 60_000)

describe('after a publish has answered', () => {
  it('no worker of any instance, and no webhook consumer, gets the content from before it', async () => {
    const article = (await payload.find({ collection: 'articles', limit: 1 })).docs[0]
    const topic = (await payload.find({ collection: 'topics', limit: 1 })).docs[0]
    // The receiver reads instance B the moment a delivery arrives, before it answers.
    const atWebhook: Seen[] = []
    const receiver = http.createServer((req, res) => {
      req.resume()
      req.on('end', async () => {
        atWebhook.push(await read(instances[1].url))
        res.end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    await createEndpoint(payload, {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rebuild`,
    })

    let expected: Seen = { title: 'Title 0', topic: 'Topic 0' }
    let committedAt = Number.POSITIVE_INFINITY
    let stopping = false
    const stale: string[] = []
    let reads = 0
    const reader = async (url: string) => {
      while (!stopping) {
        const started = performance.now()
        const want = expected
        const mustBeFresh = started > committedAt
        const seen = await read(url)
        reads += 1
        // A read that overlaps the next save may show it already; only older is stale.
        if (
          mustBeFresh &&
          (number(seen.title) < number(want.title) || number(seen.topic) < number(want.topic))
        ) {
          stale.push(`${url}: wanted ${JSON.stringify(want)}, got ${JSON.stringify(seen)}`)
        }
      }
    }
    const readers = instances.flatMap(({ url }) => [1, 2, 3].map(() => reader(url)))

    for (let i = 1; i <= CHANGES; i++) {
      committedAt = Number.POSITIVE_INFINITY // while the save runs, either answer is right
      const next = { ...expected }
      // Each save is held open a little before it commits, as a save on a busy database is:
      // readers then race the commit on every change, not only by chance.
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      try {
        if (i % 2) {
          next.title = `Title ${i}`
          await payload.update({
            collection: 'articles',
            id: article.id,
            data: { title: next.title },
            req,
          })
        } else {
          next.topic = `Topic ${i}`
          await payload.update({
            collection: 'topics',
            id: topic.id,
            data: { name: next.topic },
            req,
          })
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
        await commitTransaction(req)
      } finally {
        await killTransaction(req)
      }
      expected = next
      committedAt = performance.now()
      // The webhook goes out after the publish, as the worker sends it.
      await deliverDue(payload)
      expect(atWebhook.at(-1)).toEqual(next)
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    stopping = true
    await Promise.all(readers)
    receiver.close()

    expect(atWebhook.length).toBeGreaterThanOrEqual(CHANGES)
    expect(reads).toBeGreaterThan(CHANGES * 6)
    expect(stale).toEqual([])
  }, 240_000)
})
