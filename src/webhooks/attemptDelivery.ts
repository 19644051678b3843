import type { Payload } from 'payload'

import { newRowId } from './ids'
import {
  amendClaimed,
  byId,
  claim,
  endpointIdOf,
  release,
  type AttemptEntry,
  type DeliveryRow,
} from './outbox'
import { requestFor, type EndpointForDelivery } from './requestFor'
import { retryDelayMs } from './retrySchedule'
import { attemptTimeoutMs, sendAttempt, type AttemptOutcome } from './send'

const CLAIM_MARGIN_MS = 5_000
const RESPONSE_EXCERPT = 1_000
export const INTERRUPTED = 'Interrupted: the process stopped before this attempt finished.'
export const IN_PROGRESS = 'Attempt in progress'

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
export async function attemptDelivery(
  payload: Payload,
  row: DeliveryRow,
  now: Date,
): Promise<boolean> {
  // Not scaled in tests: a lease shorter than a real attempt would let a second worker resend.
  const lease = attemptTimeoutMs() + CLAIM_MARGIN_MS
  const dueAt = new Date(now.getTime() + lease).toISOString()
  const endpoint = (await payload.db.findOne({
    collection: 'webhook-endpoints',
    where: byId(endpointIdOf(row)),
  })) as (EndpointForDelivery & { url: string; active?: boolean }) | null
  const at = new Date()
  // An attempt counted but never logged was cut off (the process died mid-attempt): log it.
  const counted = row.attemptCount ?? 0
  const cutOff =
    counted > (row.attempts?.length ?? 0)
      ? { $push: { id: newRowId(), attempt: counted, at: at.toISOString(), error: INTERRUPTED } }
      : undefined
  if (!endpoint?.active) {
    const mine = await claim(payload, row, { dueAt })
    if (!mine) return false
    if (cutOff) await amendClaimed(payload, mine, { attempts: cutOff })
    await release(payload, mine, {
      status: 'cancelled',
      lastError: 'The endpoint is inactive or was deleted.',
    })
    return true
  }
  const attempt = counted + 1
  // The claim counts the attempt before a byte is sent, so a crash from here on is found by the
  // check above when the lease runs out and the row is claimed again.
  const mine = await claim(payload, row, {
    dueAt,
    attemptCount: attempt,
    lastError: `${IN_PROGRESS} (since ${at.toISOString()}).`,
  })
  if (!mine) return false
  if (cutOff) await amendClaimed(payload, mine, { attempts: cutOff })
  let outcome: AttemptOutcome
  try {
    const request = requestFor(endpoint, mine)
    outcome = await sendAttempt(endpoint.url, request.headers, request.body)
  } catch (error) {
    outcome = { verdict: 'failed', durationMs: 0, error: (error as Error).message }
  }
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
