import crypto from 'node:crypto'
import { Redis } from 'ioredis'

import { ACK_TIMEOUT_MS } from './clusterBridge'
import { applyInvalidation, onInvalidate, type InvalidationEvent } from './responseCache'

const CHANNEL = 'haven:graphql:invalidate'
const ACKS = 'haven:graphql:invalidate-ack'

type Message = { from: string; ack: string; event: InvalidationEvent }

/**
 * With REDIS_URL set, every local invalidation is published so other processes (other instances,
 * and the other workers of this one) apply it at once, and theirs are applied here. Each process
 * has its own id and ignores its own messages. A change's begin and end resolve once every other
 * subscriber has confirmed on the ack channel: PUBLISH says how many subscribers received the
 * message, so the sender knows how many confirmations to wait for. Returns a stop function.
 */
export function bridgeInvalidationsOverRedis(url: string): () => Promise<void> {
  const instance = crypto.randomUUID()
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 })
  const subscriber = new Redis(url, { lazyConnect: false })
  for (const client of [publisher, subscriber]) {
    // A Redis outage must not take the API down: TTL and the content check still apply.
    client.on('error', (error) => console.warn('GraphQL cache: Redis error:', error.message))
  }
  type Wait = { confirmed: number; expected?: number; done: () => void }
  const waiting = new Map<string, Wait>()
  const settle = (wait: Wait) => {
    if (wait.expected !== undefined && wait.confirmed >= wait.expected) wait.done()
  }
  void subscriber.subscribe(CHANNEL, ACKS)
  subscriber.on('message', (channel, raw) => {
    if (channel === ACKS) {
      const [to, ack] = raw.split('\n', 2)
      const wait = to === instance ? waiting.get(ack) : undefined
      if (wait) {
        wait.confirmed += 1
        settle(wait)
      }
      return
    }
    let message: Message
    try {
      message = JSON.parse(raw) as Message
    } catch {
      return
    }
    if (message.from === instance || !message.event) return
    void applyInvalidation(message.event, true)
    publisher.publish(ACKS, `${message.from}\n${message.ack}`).catch(() => undefined)
  })

  const stopForwarding = onInvalidate((event, fromPeer) => {
    if (fromPeer) return
    const ack = crypto.randomUUID()
    const sent = publisher
      .publish(CHANNEL, JSON.stringify({ from: instance, ack, event } satisfies Message))
      .catch(() => 0)
    if (event.phase === 'now') return
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(ack)
        console.warn(`GraphQL cache: other processes did not confirm "${event.reason}" in time`)
        resolve()
      }, ACK_TIMEOUT_MS)
      timer.unref()
      const done = () => {
        clearTimeout(timer)
        waiting.delete(ack)
        resolve()
      }
      // Confirmations may arrive before PUBLISH's own reply: they are counted from the start.
      const wait: Wait = { confirmed: 0, done }
      waiting.set(ack, wait)
      void sent.then((receivers) => {
        // Every receiver but this process's own subscriber confirms.
        wait.expected = Math.max(0, receivers - 1)
        settle(wait)
      })
    })
  })
  return async () => {
    stopForwarding()
    for (const wait of waiting.values()) wait.done()
    await Promise.allSettled([publisher.quit(), subscriber.quit()])
  }
}
