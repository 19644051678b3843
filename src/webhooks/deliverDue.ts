import type { Payload, Where } from 'payload'

import { eventTypeFor, mergeChanges, type WebhookChange } from './events'
import { newClaimToken, newRowId } from './ids'
import { requestFor, type EndpointForDelivery } from './requestFor'
import { retryDelayMs } from './schedule'
import { attemptTimeoutMs, sendAttempt, type AttemptOutcome } from './send'

const DELIVERIES = 'webhook-deliveries' as const
const BATCH = 50
const PARALLEL = 8
const MAX_FOLD = 500
const FOLD_LEASE_MS = 30_000
const CLAIM_MARGIN_MS = 5_000
const RESPONSE_EXCERPT = 1_000

type AttemptEntry = {
  attempt: number
  at: string
  statusCode?: number | null
  durationMs?: number | null
  error?: string | null
  response?: string | null
}

export type DeliveryRow = {
  id: string | number
  endpoint: string | number | { id: string | number }
  status: string
  webhookId: string
  eventType?: string | null
  eventAt?: string | null
  changes?: WebhookChange[] | null
  dueAt: string
  attemptCount?: number | null
  attempts?: AttemptEntry[] | null
  claimToken?: string | null
}

export type DeliverDueResult = { folded: number; attempted: number; nextDueAt?: Date }

const endpointIdOf = (row: DeliveryRow) =>
  typeof row.endpoint === 'object' ? row.endpoint.id : row.endpoint

const byId = (id: string | number): Where => ({ id: { equals: id } })

/**
 * Optimistic claim: swap the row's claim token and push its dueAt past the work about to be
 * done. payload.db.updateOne with a `where` is a single conditional UPDATE (findOneAndUpdate on
 * MongoDB), so of two workers racing for a row exactly one wins. A worker that dies holding a
 * row loses nothing: the row simply becomes due again when the lease runs out.
 */
async function claim(payload: Payload, row: DeliveryRow, data: Record<string, unknown>) {
  const claimToken = newClaimToken()
  const won = await payload.db.updateOne({
    collection: DELIVERIES,
    where: { and: [byId(row.id), { claimToken: { equals: row.claimToken } }] },
    data: { ...data, claimToken },
  })
  return won ? { ...row, ...data, claimToken } : null
}

async function release(payload: Payload, row: DeliveryRow, data: Record<string, unknown>) {
  return payload.db.updateOne({
    collection: DELIVERIES,
    where: { and: [byId(row.id), { claimToken: { equals: row.claimToken } }] },
    data: { ...data, claimToken: newClaimToken() },
  })
}

async function findRows(payload: Payload, where: Where, limit = 0): Promise<DeliveryRow[]> {
  const { docs } = await payload.db.find({
    collection: DELIVERIES,
    where,
    sort: 'dueAt',
    limit,
    pagination: false,
  })
  return docs as unknown as DeliveryRow[]
}

/**
 * Closes one endpoint's coalescing window: every row still collecting for the endpoint is folded
 * into the oldest, which becomes a single pending delivery listing each changed item once.
 * Re-running after a crash at any step gives the same result (folded rows point at the leader).
 */
async function fold(payload: Payload, leader: DeliveryRow, now: Date): Promise<boolean> {
  const mine = await claim(payload, leader, {
    dueAt: new Date(now.getTime() + FOLD_LEASE_MS).toISOString(),
  })
  if (!mine) return false
  const others = await findRows(
    payload,
    {
      and: [
        { endpoint: { equals: endpointIdOf(leader) } },
        { status: { equals: 'collecting' } },
        { id: { not_equals: leader.id } },
      ],
    },
    MAX_FOLD,
  )
  for (const other of others) {
    await payload.db.updateOne({
      collection: DELIVERIES,
      where: {
        and: [
          byId(other.id),
          { claimToken: { equals: other.claimToken } },
          { status: { equals: 'collecting' } },
        ],
      },
      data: { status: 'merged', mergedInto: String(leader.id) },
    })
  }
  const folded = await findRows(payload, { mergedInto: { equals: String(leader.id) } })
  const changes = mergeChanges([
    ...(leader.changes ?? []),
    ...folded.flatMap((row) => row.changes ?? []),
  ])
  const done = await release(payload, mine, {
    status: 'pending',
    changes,
    eventType: eventTypeFor(changes),
    eventAt: now.toISOString(),
    dueAt: now.toISOString(),
  })
  if (done) {
    await payload.db.deleteMany({
      collection: DELIVERIES,
      where: { mergedInto: { equals: String(leader.id) } },
    })
  }
  return Boolean(done)
}

async function disableEndpoint(payload: Payload, id: string | number, now: Date) {
  await payload.db.updateOne({
    collection: 'webhook-endpoints',
    id,
    data: {
      active: false,
      disabledReason: `The receiver answered 410 Gone on ${now.toISOString()}; endpoint disabled.`,
    },
  })
}

function nextState(outcome: AttemptOutcome, attempt: number, now: Date) {
  if (outcome.verdict === 'delivered') return { status: 'delivered' }
  if (outcome.verdict !== 'retry') return { status: 'failed' }
  const delay = retryDelayMs(attempt, { retryAfterMs: outcome.retryAfterMs })
  if (delay === null) return { status: 'failed', giveUp: `Gave up after ${attempt} attempts.` }
  // Counted from the end of this attempt (or the injected clock, when tests run ahead of it).
  const base = Math.max(now.getTime(), Date.now())
  return { status: 'pending', dueAt: new Date(base + delay).toISOString() }
}

/** Sends one due delivery, records the attempt, and decides what happens next. */
async function attemptDelivery(payload: Payload, row: DeliveryRow, now: Date): Promise<boolean> {
  // Not scaled in tests: a lease shorter than a real attempt would let a second worker resend.
  const lease = attemptTimeoutMs() + CLAIM_MARGIN_MS
  const mine = await claim(payload, row, { dueAt: new Date(now.getTime() + lease).toISOString() })
  if (!mine) return false
  const endpoint = (await payload.db.findOne({
    collection: 'webhook-endpoints',
    where: byId(endpointIdOf(row)),
  })) as (EndpointForDelivery & { url: string; active?: boolean }) | null
  if (!endpoint?.active) {
    await release(payload, mine, {
      status: 'cancelled',
      lastError: 'The endpoint is inactive or was deleted.',
    })
    return true
  }
  const at = new Date()
  let outcome: AttemptOutcome
  try {
    const request = requestFor(payload, endpoint, mine)
    outcome = await sendAttempt(endpoint.url, request.headers, request.body)
  } catch (error) {
    outcome = { verdict: 'failed', durationMs: 0, error: (error as Error).message }
  }
  const attempt = (mine.attemptCount ?? 0) + 1
  const { giveUp, ...state } = nextState(outcome, attempt, now)
  if (outcome.verdict === 'gone') await disableEndpoint(payload, endpoint.id, at)
  const entry: AttemptEntry = {
    attempt,
    at: at.toISOString(),
    statusCode: outcome.statusCode ?? null,
    durationMs: outcome.durationMs,
    error: outcome.error ?? giveUp ?? null,
    response: outcome.response?.slice(0, RESPONSE_EXCERPT) ?? null,
  }
  const recorded = await release(payload, mine, {
    ...state,
    attemptCount: attempt,
    lastStatusCode: entry.statusCode,
    lastDurationMs: entry.durationMs,
    lastError: entry.error,
    // $push appends without rewriting the log, and keeps the update a single conditional one.
    attempts: { $push: { id: newRowId(), ...entry } },
  })
  // Ids and codes only: bodies and URLs (build-hook URLs embed a token) stay out of logs.
  payload.logger[outcome.verdict === 'delivered' ? 'debug' : 'info']({
    msg: 'webhook attempt',
    delivery: row.id,
    endpoint: endpoint.id,
    attempt,
    statusCode: outcome.statusCode,
    verdict: outcome.verdict,
    lostClaim: !recorded || undefined,
  })
  return true
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<boolean>) {
  let done = 0
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.all(items.slice(i, i + size).map(run))
    done += results.filter(Boolean).length
  }
  return done
}

/**
 * One pass of the webhook worker: close coalescing windows that are due, then attempt every
 * delivery that is due. Safe to run from several processes at once. Tests call it directly;
 * `now` lets them step over coalescing windows without sleeping.
 */
export async function deliverDue(
  payload: Payload,
  options: { now?: Date; limit?: number } = {},
): Promise<DeliverDueResult> {
  const now = options.now ?? new Date()
  const limit = options.limit ?? BATCH
  const due = (status: string): Where => ({
    and: [{ status: { equals: status } }, { dueAt: { less_than_equal: now.toISOString() } }],
  })

  const leaders = new Map<string, DeliveryRow>()
  for (const row of await findRows(payload, due('collecting'), limit)) {
    const key = String(endpointIdOf(row))
    if (!leaders.has(key)) leaders.set(key, row)
  }
  const folded = await inBatches([...leaders.values()], 1, (row) => fold(payload, row, now))
  const pending = await findRows(payload, due('pending'), limit)
  const attempted = await inBatches(pending, PARALLEL, (row) => attemptDelivery(payload, row, now))

  const [next] = await findRows(payload, { status: { in: ['collecting', 'pending'] } }, 1)
  return { folded, attempted, nextDueAt: next ? new Date(next.dueAt) : undefined }
}
