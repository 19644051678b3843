import type { DatabaseAdapterObj, PayloadRequest } from 'payload'

type Callback = () => Promise<void>

// Keyed by transaction id (unique per transaction in every adapter). Module state, not request
// state: the adapter's commit sees only the id.
const waiting = new Map<string | number, Callback[]>()

/**
 * Runs `callback` once the request's transaction has ended (committed or rolled back), before
 * Payload answers the request; at once when the request has no transaction, because then the
 * write is already visible. Payload has no hook after the commit, and hooks run before it.
 */
export async function afterCommit(req: PayloadRequest, callback: Callback): Promise<void> {
  const id: unknown = await req.transactionID
  // Without transactions (MongoDB without a replica set) Payload leaves a promise of null here,
  // and a request copied on the way (nested operations on MongoDB) can carry an empty object.
  if (typeof id !== 'string' && typeof id !== 'number') return callback()
  const list = waiting.get(id)
  if (list) list.push(callback)
  else waiting.set(id, [callback])
}

async function runCallbacks(id: unknown): Promise<void> {
  const key = (await id) as string | number | undefined
  if (key === undefined) return
  const list = waiting.get(key)
  if (!list) return
  waiting.delete(key)
  for (const callback of list) await callback()
}

/** Makes the adapter run the callbacks registered by afterCommit when it commits or rolls back. */
export function withAfterCommit(base: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...base,
    init(args) {
      const adapter = base.init(args)
      const commit = adapter.commitTransaction
      const rollback = adapter.rollbackTransaction
      adapter.commitTransaction = async function (id) {
        try {
          await commit.call(this, id)
        } finally {
          await runCallbacks(id)
        }
      }
      adapter.rollbackTransaction = async function (id) {
        try {
          await rollback.call(this, id)
        } finally {
          await runCallbacks(id)
        }
      }
      return adapter
    },
  }
}
