import crypto from 'node:crypto'
import { Redis } from 'ioredis'

import { invalidateResponseCache, onInvalidate } from './responseCache'

const CHANNEL = 'haven:graphql:invalidate'

/**
 * With REDIS_URL set, every local invalidation is published so other instances clear their
 * caches at once, and theirs are received here. Messages carry the sender's id so an instance
 * ignores its own. Returns a stop function.
 */
export function bridgeInvalidationsOverRedis(url: string): () => Promise<void> {
  const instance = crypto.randomUUID()
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 })
  const subscriber = new Redis(url, { lazyConnect: false })
  for (const client of [publisher, subscriber]) {
    // A Redis outage must not take the API down: TTL and the content check still apply.
    client.on('error', (error) => console.warn('GraphQL cache: Redis error:', error.message))
  }
  void subscriber.subscribe(CHANNEL)
  subscriber.on('message', (_channel, message) => {
    const [from, reason] = message.split('\n', 2)
    if (from !== instance) invalidateResponseCache(`peer: ${reason}`, 0, true)
  })
  const stopForwarding = onInvalidate((reason, fromPeer) => {
    if (!fromPeer) publisher.publish(CHANNEL, `${instance}\n${reason}`).catch(() => undefined)
  })
  return async () => {
    stopForwarding()
    await Promise.allSettled([publisher.quit(), subscriber.quit()])
  }
}
