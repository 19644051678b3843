import cluster from 'node:cluster'
import crypto from 'node:crypto'

import { applyInvalidation, onInvalidate, type InvalidationEvent } from './responseCache'

export const INVALIDATE_MESSAGE = 'haven:invalidate'
/** A worker has applied a sibling's invalidation; the primary sends the origin one when all have. */
export const INVALIDATE_ACK = 'haven:invalidate-ack'
/** A worker now holds a cache: from here on the primary waits for its confirmations. */
export const INVALIDATE_READY = 'haven:invalidate-ready'

export type InvalidateMessage = {
  type: typeof INVALIDATE_MESSAGE
  event: InvalidationEvent
  ack: string
}
export type InvalidateAck = { type: typeof INVALIDATE_ACK; ack: string }

/** How long a save waits for its sibling workers to acknowledge (a hung worker is not waited out). */
export const ACK_TIMEOUT_MS = 2_000

/**
 * Under HAVEN_WORKERS > 1 (src/cluster.ts), tells the sibling workers about each local
 * invalidation through the primary and applies theirs. A change's begin and end resolve only
 * when the primary reports that every other live worker has applied them.
 */
export function bridgeInvalidationsOverCluster(): () => void {
  if (!cluster.isWorker || !process.send) return () => {}
  const waiting = new Map<string, () => void>()
  const stopForwarding = onInvalidate((event, fromPeer) => {
    if (fromPeer) return
    const ack = crypto.randomUUID()
    const message: InvalidateMessage = { type: INVALIDATE_MESSAGE, event, ack }
    process.send?.(message)
    if (event.phase === 'now') return
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(ack)
        console.warn(`GraphQL cache: sibling workers did not confirm "${event.reason}" in time`)
        resolve()
      }, ACK_TIMEOUT_MS)
      timer.unref()
      waiting.set(ack, () => {
        clearTimeout(timer)
        waiting.delete(ack)
        resolve()
      })
    })
  })
  const receive = (message: Partial<InvalidateMessage> | Partial<InvalidateAck>) => {
    if (message?.type === INVALIDATE_ACK) {
      waiting.get(message.ack ?? '')?.()
    } else if (message?.type === INVALIDATE_MESSAGE && 'event' in message && message.event) {
      void applyInvalidation(message.event, true)
      process.send?.({ type: INVALIDATE_ACK, ack: message.ack } satisfies Partial<InvalidateAck>)
    }
  }
  process.on('message', receive)
  process.send({ type: INVALIDATE_READY })
  return () => {
    stopForwarding()
    process.off('message', receive)
    for (const release of waiting.values()) release()
  }
}
