import type { Payload } from 'payload'

import { deliverDue, type Lanes } from './deliverDue'

/*
 * Why an in-process loop rather than a Payload job task: Payload's queue runs on cron ticks and
 * retries with its own backoff, while webhooks need second-level timing (a 5-second first retry,
 * a coalescing window of a few seconds, Retry-After) and an outbox row that is itself the retry
 * state. The loop is as durable as a job: all state is in webhook-deliveries, claimed with
 * optimistic updates, so any number of server processes can run it and a restart resumes
 * whatever was pending.
 */

type Worker = {
  running: boolean
  timer?: NodeJS.Timeout
  wakeAt?: number
  busy?: Promise<void>
  wakes: number[]
  lanes: Lanes
}

const workers = new WeakMap<Payload, Worker>()

/** How often to look for work written by other processes: HAVEN_WEBHOOK_POLL_MS, default 2 s. */
export function pollIntervalMs(): number {
  const value = Number(process.env.HAVEN_WEBHOOK_POLL_MS)
  return Number.isFinite(value) && value > 0 ? value : 2_000
}

function schedule(payload: Payload, worker: Worker) {
  if (!worker.running || worker.busy) return
  const now = Date.now()
  worker.wakes.sort((a, b) => a - b)
  const at = Math.min(worker.wakes[0] ?? Infinity, now + pollIntervalMs())
  if (worker.wakeAt !== undefined && worker.wakeAt <= at) return
  clearTimeout(worker.timer)
  worker.wakeAt = at
  worker.timer = setTimeout(() => void tick(payload, worker), Math.max(0, at - now))
  worker.timer.unref()
}

async function tick(payload: Payload, worker: Worker) {
  worker.wakeAt = undefined
  const started = Date.now()
  worker.wakes = worker.wakes.filter((t) => t > started)
  worker.busy = (async () => {
    try {
      const { nextDueAt } = await deliverDue(payload, { lanes: worker.lanes })
      if (nextDueAt) worker.wakes.push(nextDueAt.getTime())
    } catch (error) {
      payload.logger.error({ msg: 'webhook worker pass failed', err: error })
    }
  })()
  await worker.busy
  worker.busy = undefined
  schedule(payload, worker)
}

/**
 * Asks the worker to look again at `dueAt`. A row written inside a content save only becomes
 * visible when that save commits, a moment after the listener ran and Payload offers no
 * after-commit hook, so a few short follow-up looks keep latency low without busy polling.
 */
export function wakeWebhookWorker(payload: Payload, dueAt: number) {
  const worker = workers.get(payload)
  if (!worker) return
  worker.wakes.push(dueAt + 5, dueAt + 50, dueAt + 250, dueAt + 1000)
  schedule(payload, worker)
}

/** Starts the loop (payload.config onInit). Off when HAVEN_DISABLE_JOBS=true, as in tests. */
export function startWebhookWorker(payload: Payload) {
  if (process.env.HAVEN_DISABLE_JOBS === 'true' || workers.has(payload)) return
  const worker: Worker = { running: true, wakes: [Date.now()], lanes: { running: new Map() } }
  // When an endpoint's lane ends, its remaining rows (and anything due meanwhile) are picked up.
  worker.lanes.onIdle = () => {
    worker.wakes.push(Date.now())
    schedule(payload, worker)
  }
  workers.set(payload, worker)
  // NOTE: Payload has no destroy hook; wrapping destroy stops the loop before the database
  // closes. Can go if Payload adds an onDestroy option.
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    await stopWebhookWorker(payload)
    return destroy()
  }
  schedule(payload, worker)
}

export async function stopWebhookWorker(payload: Payload) {
  const worker = workers.get(payload)
  if (!worker) return
  worker.running = false
  clearTimeout(worker.timer)
  await worker.busy
  // Attempts in progress finish (each is bounded by the attempt timeout) before the database closes.
  await Promise.allSettled(worker.lanes.running.values())
  workers.delete(payload)
}
