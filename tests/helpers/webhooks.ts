import type { Payload } from 'payload'

import { deliverDue } from '../../src/webhooks/deliverDue'
import { revealSigningSecret } from '../../src/webhooks/secrets'

/** Settings every webhook test file runs with: 127.0.0.1 allowed, backoff 1000x faster. */
export const WEBHOOK_TEST_ENV = {
  HAVEN_WEBHOOK_ALLOW_PRIVATE: 'true',
  HAVEN_WEBHOOK_SCHEDULE_SCALE: '0.001',
  HAVEN_WEBHOOK_TIMEOUT_MS: '5000',
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Runs the worker's pass until nothing is due within `horizonMs` (backoff is scaled down, so
 * retries are milliseconds apart). Windows and backoffs beyond the horizon are left pending.
 */
export async function drain(payload: Payload, horizonMs = 3_000): Promise<void> {
  for (let round = 0; round < 200; round += 1) {
    const { nextDueAt } = await deliverDue(payload)
    if (!nextDueAt) return
    const wait = nextDueAt.getTime() - Date.now()
    if (wait > horizonMs) return
    await sleep(Math.max(wait, 1))
  }
  throw new Error('Deliveries kept coming due; drain gave up after 200 passes.')
}

type EndpointInput = {
  url: string
  name?: string
  mode?: 'signed' | 'build-hook'
  coalesceSeconds?: number
  headers?: { name: string; value: string }[]
  subscriptions?: { source: string; operations: string[] }[]
}

export async function createEndpoint(payload: Payload, input: EndpointInput) {
  return payload.create({
    collection: 'webhook-endpoints',
    data: {
      name: input.name ?? `Endpoint ${input.url}`,
      mode: input.mode ?? 'signed',
      coalesceSeconds: input.coalesceSeconds ?? 0,
      ...input,
    } as never,
    depth: 0,
  })
}

export async function secretOf(payload: Payload, id: number | string): Promise<string> {
  const result = await revealSigningSecret(payload, id)
  if (!('secret' in result)) throw new Error(result.error)
  return result.secret
}

/** Deactivates every endpoint, so one test's endpoints never receive the next test's changes. */
export async function retireEndpoints(payload: Payload) {
  await payload.update({
    collection: 'webhook-endpoints',
    where: { active: { equals: true } },
    data: { active: false },
    depth: 0,
  })
  await drain(payload)
}

export async function deliveriesFor(payload: Payload, endpointId: number | string) {
  const { docs } = await payload.find({
    collection: 'webhook-deliveries',
    where: { endpoint: { equals: endpointId } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
  })
  return docs
}
