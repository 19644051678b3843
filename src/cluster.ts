/**
 * HAVEN_WORKERS=N: N copies of a server on one port (node:cluster), for `npm start` and
 * `npm run api`. The primary only supervises:
 *  - worker 0 alone runs background jobs and the webhook worker (the others get
 *    HAVEN_DISABLE_JOBS=true), and is restarted with the same role if it dies;
 *  - response-cache invalidations are relayed to every other worker at once, and the sender is
 *    told when all of them have applied it (a save handled by one worker answers only once no
 *    worker can serve what was there before it: src/graphql/cache/invalidateOnChange.ts);
 *  - rate limits are counted in the primary (rate-limiter-flexible's cluster limiter), so one
 *    client's budget is the same whatever N is; with REDIS_URL they live in Redis as before.
 */
import cluster, { type Worker } from 'node:cluster'
import os from 'node:os'
import { RateLimiterClusterMaster } from 'rate-limiter-flexible'

import {
  INVALIDATE_ACK,
  INVALIDATE_MESSAGE,
  INVALIDATE_READY,
  type InvalidateAck,
  type InvalidateMessage,
} from './graphql/cache/clusterBridge'

/** The number of server processes: HAVEN_WORKERS, else every core in production, else 1. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HAVEN_WORKERS?.trim()
  if (!raw) return env.NODE_ENV === 'production' ? os.availableParallelism() : 1
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`HAVEN_WORKERS must be a whole number from 1 to 256 (got "${raw}").`)
  }
  return n
}

/**
 * Call first in a server entry point. Resolves true in the process that should serve (the only
 * process when N = 1, or a worker), false in the primary, which supervises until it exits.
 */
export async function runWorkers(): Promise<boolean> {
  let n: number
  try {
    n = workerCount()
  } catch (error) {
    process.stderr.write(`Haven cannot start: ${(error as Error).message}\n`)
    process.exit(1)
  }
  if (n <= 1 || cluster.isWorker) return true

  new RateLimiterClusterMaster()
  let stopping = false
  let announced = false
  const jobsAllowed = process.env.HAVEN_DISABLE_JOBS !== 'true'
  // Relayed invalidations still unconfirmed: ack id → the sender and the workers yet to apply it.
  const relays = new Map<string, { origin: Worker; waitingFor: Set<number> }>()
  // Workers whose API handler (and so cache) exists. One still starting has nothing to drop and
  // is not waited for, or every save during its start would wait out the timeout.
  const caching = new Set<number>()
  const confirm = (ack: string, from: Worker) => {
    const relay = relays.get(ack)
    if (!relay) return
    relay.waitingFor.delete(from.id)
    if (relay.waitingFor.size > 0) return
    relays.delete(ack)
    if (relay.origin.isConnected()) {
      relay.origin.send({ type: INVALIDATE_ACK, ack } satisfies InvalidateAck)
    }
  }
  const relay = (message: InvalidateMessage, origin: Worker) => {
    const others = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => Boolean(w) && w !== origin && w!.isConnected(),
    )
    const waitingFor = new Set(others.filter((w) => caching.has(w.id)).map((w) => w.id))
    relays.set(message.ack, { origin, waitingFor })
    for (const other of others) other.send(message)
    if (waitingFor.size === 0) confirm(message.ack, origin)
  }
  const fork = (index: number): Worker => {
    const worker = cluster.fork({
      HAVEN_WORKER_INDEX: String(index),
      HAVEN_DISABLE_JOBS: index === 0 && jobsAllowed ? 'false' : 'true',
    })
    worker.on('message', (message: { type?: string; port?: number; ack?: string }) => {
      if (message?.type === INVALIDATE_MESSAGE) {
        relay(message as InvalidateMessage, worker)
      } else if (message?.type === INVALIDATE_READY) {
        caching.add(worker.id)
      } else if (message?.type === INVALIDATE_ACK) {
        confirm(message.ack ?? '', worker)
      } else if (message?.type === 'listening' && !announced) {
        announced = true
        process.send?.(message)
      }
    })
    worker.on('exit', (code, signal) => {
      // A worker that died confirms nothing more; nobody waits for it.
      caching.delete(worker.id)
      for (const ack of [...relays.keys()]) confirm(ack, worker)
      if (stopping) return
      process.stderr.write(
        `Haven worker ${index} stopped (${signal ?? `exit ${code}`}); starting it again.\n`,
      )
      setTimeout(() => fork(index), 1_000).unref()
    })
    return worker
  }
  for (let i = 0; i < n; i++) fork(i)

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w))
    let left = live.length
    if (left === 0) process.exit(0)
    for (const worker of live) {
      worker.once('exit', () => --left === 0 && process.exit(0))
      worker.process.kill(signal)
    }
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  return false
}
