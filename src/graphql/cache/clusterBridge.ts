import cluster from 'node:cluster'

import { invalidateResponseCache, onInvalidate } from './responseCache'

export const INVALIDATE_MESSAGE = 'haven:invalidate'

/**
 * Under HAVEN_WORKERS > 1 (src/cluster.ts), tells the sibling workers about each local
 * invalidation through the primary, and applies theirs, so all of them drop stale answers at once.
 */
export function bridgeInvalidationsOverCluster(): () => void {
  if (!cluster.isWorker || !process.send) return () => {}
  const stopForwarding = onInvalidate((reason, fromPeer) => {
    if (!fromPeer) process.send?.({ type: INVALIDATE_MESSAGE, reason })
  })
  const receive = (message: { type?: string; reason?: string }) => {
    if (message?.type === INVALIDATE_MESSAGE)
      invalidateResponseCache(message.reason ?? 'peer', 0, true)
  }
  process.on('message', receive)
  return () => {
    stopForwarding()
    process.off('message', receive)
  }
}
