import { Redis } from 'ioredis'
import { ValidationError, type Payload } from 'payload'

import { JoinRequestError } from './errors'
import type { CheckedFormToken } from './formToken'

const COLLECTION = 'used-form-tokens'
let redis: Redis | undefined

function redisClient(url: string): Redis {
  if (!redis) {
    // Commands wait for the connection (a fresh process must not skip Redis while it connects),
    // but give up quickly when Redis is down.
    redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
    redis.on('error', () => undefined)
  }
  return redis
}

/** Closes the Redis connection, if one was opened (tests, shutdown). */
export async function closeSpentTokenStore(): Promise<void> {
  await redis?.quit().catch(() => undefined)
  redis = undefined
}

const alreadyUsed = () =>
  new JoinRequestError(
    'BAD_USER_INPUT',
    'This form has already been sent. Reload the page to send another request.',
  )

/**
 * Marks a join-form token as used, refusing one used before. With REDIS_URL the mark is a key
 * that expires with the token (SET NX: the first process wins); otherwise, or while Redis is
 * unreachable, it is a row in `used-form-tokens`, whose unique index does the same across every
 * process sharing the database. Memory alone would let a replay through another process.
 */
export async function spendFormToken(
  payload: Payload,
  token: CheckedFormToken,
  now = new Date(),
  redisUrl: string | undefined = process.env.REDIS_URL,
): Promise<void> {
  const ttlMs = token.expiresAt.getTime() - now.getTime()
  if (ttlMs <= 0) throw alreadyUsed()
  if (redisUrl) {
    const stored = await redisClient(redisUrl)
      .set(`haven-join-token:${token.id}`, '1', 'PX', ttlMs, 'NX')
      .catch(() => undefined)
    if (stored === 'OK') return
    if (stored === null) throw alreadyUsed()
    // undefined: Redis is unreachable, so the database decides. A token spent in one store during
    // an outage could be spent once more in the other: one extra request at most, not a flood.
  }
  // Expired marks are worthless (the token itself is refused by then); clear them as we go.
  await payload.db.deleteMany({
    collection: COLLECTION,
    where: { expiresAt: { less_than: now.toISOString() } },
  })
  try {
    await payload.create({
      collection: COLLECTION,
      data: { tokenId: token.id, expiresAt: token.expiresAt.toISOString() },
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    if (error instanceof ValidationError) throw alreadyUsed()
    throw error
  }
}
