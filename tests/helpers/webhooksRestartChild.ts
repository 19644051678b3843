/**
 * One Haven server process for the restart test (tests/int/webhooksRestart.test.ts), run under
 * `node --conditions=development --import tsx`. `record` creates two endpoints, publishes three
 * articles and reports what the outbox holds, then waits to be killed; `deliver` just boots, so
 * its worker can deliver whatever the killed process left behind; `log` prints the attempt logs.
 */
import { getPayload } from 'payload'

import config from '../../payload.config'
import { toLexical } from '../../src/lib/lexical'
import { revealSigningSecret } from '../../src/webhooks/secrets'

const mode = process.argv[2]
const receiver = process.env.RECEIVER_URL!

async function record() {
  const payload = await getPayload({ config })
  const immediate = await payload.create({
    collection: 'webhook-endpoints',
    data: { name: 'Immediate', url: `${receiver}/a`, mode: 'signed', coalesceSeconds: 0 },
  })
  const windowed = await payload.create({
    collection: 'webhook-endpoints',
    data: { name: 'Windowed', url: `${receiver}/b`, mode: 'signed', coalesceSeconds: 4 },
  })
  const secret = await revealSigningSecret(payload, immediate.id)
  const articles = []
  for (let i = 1; i <= 3; i += 1) {
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: `Restart piece ${i}`,
        body: toLexical([{ type: 'paragraph', text: 'Text.' }]),
        _status: 'published',
      },
      depth: 0,
    })
    articles.push(String(article.id))
  }
  const { docs } = (await payload.db.find({
    collection: 'webhook-deliveries',
    pagination: false,
  })) as { docs: { endpoint: unknown; webhookId: string }[] }
  const idsFor = (endpoint: string | number) =>
    docs.filter((d) => String(d.endpoint) === String(endpoint)).map((d) => d.webhookId as string)
  process.stdout.write(
    `RECORDED ${JSON.stringify({
      adapter: payload.db.name,
      articles,
      secret: 'secret' in secret ? secret.secret : null,
      immediate: idsFor(immediate.id),
      windowed: idsFor(windowed.id),
    })}\n`,
  )
}

async function deliver() {
  await getPayload({ config })
  process.stdout.write('READY\n')
}

/** Prints each delivery's attempt log, then exits (run with background jobs off). */
async function log() {
  const payload = await getPayload({ config })
  const { docs } = (await payload.db.find({
    collection: 'webhook-deliveries',
    pagination: false,
  })) as { docs: { webhookId: string; attempts?: { error?: string; statusCode?: number }[] }[] }
  const attempts = Object.fromEntries(
    docs.map((d) => [
      d.webhookId,
      (d.attempts ?? []).map((a) => ({ error: a.error ?? null, statusCode: a.statusCode ?? null })),
    ]),
  )
  process.stdout.write(`LOG ${JSON.stringify(attempts)}\n`)
  process.exit(0)
}

const run = mode === 'record' ? record : mode === 'deliver' ? deliver : mode === 'log' ? log : null
if (!run) {
  process.stderr.write('usage: webhooksRestartChild.ts record|deliver|log\n')
  process.exit(2)
}
run().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`)
  process.exit(1)
})
// Stay alive until the test kills the process: the worker runs on unref'd timers.
setInterval(() => {}, 60_000)
