import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client'
import type { DatabaseAdapterObj } from 'payload'

// Statements that take SQLite's write lock when run outside a transaction.
const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter)\b/i

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(
    `${(error as { code?: string })?.code} ${(error as Error)?.message}`,
  )

const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql)

class BusyError extends Error {
  code = 'SQLITE_BUSY'
  constructor(ms: number) {
    super(`SQLITE_BUSY: database is locked (another write of this process held it for ${ms} ms)`)
  }
}

/** One writer at a time in this process; a waiter gives up after `timeoutMs`. */
class WriteLock {
  private held = false
  private waiters: Array<() => void> = []

  acquire(timeoutMs: number): Promise<() => void> {
    if (!this.held) {
      this.held = true
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer)
        resolve(this.releaser())
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== grant)
        reject(new BusyError(timeoutMs))
      }, timeoutMs)
      this.waiters.push(grant)
    })
  }

  private releaser() {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiters.shift()
      if (next) next()
      else this.held = false
    }
  }
}

const GUARDED = Symbol('haven.serializeSqliteWrites')

/**
 * Makes libsql's local client safe for one process writing while another writes the same file.
 *
 * The client runs statements synchronously on the Node thread, gives its open connection to each
 * transaction and opens a new connection for whatever comes next. Two things follow. The new
 * connection has lost `PRAGMA busy_timeout` (it is per connection), so after the first transaction
 * every write fails at once with SQLITE_BUSY while another process holds the lock. And two
 * transactions of this process sit on different connections: the second one's busy wait sleeps
 * on the very thread the first needs in order to commit, so it can only end in SQLITE_BUSY.
 *
 * So writes of this process queue on an in-process lock without blocking the event loop: a
 * transaction holds it from BEGIN (IMMEDIATE, libsql's "write" mode) to COMMIT or ROLLBACK, a write
 * outside one for its statement. A transaction waits for another process's writer by retrying its
 * BEGIN with short sleeps, and every new connection gets the busy timeout back for the rest.
 * Reads take no lock: in WAL mode they see the last commit and never wait.
 */
export function serializeSqliteWrites(
  base: DatabaseAdapterObj,
  busyTimeoutMs: number,
): DatabaseAdapterObj {
  return {
    ...base,
    init(args) {
      const adapter = base.init(args)
      // The adapter creates its client in connect(); it is guarded the moment it is assigned,
      // before the adapter's own set-up statements or anything else can use it.
      let client: Client | undefined
      Object.defineProperty(adapter, 'client', {
        configurable: true,
        enumerable: true,
        get: () => client,
        set: (value: Client | undefined) => {
          client = value ? guardClient(value, busyTimeoutMs) : value
        },
      })
      return adapter
    },
  }
}

function guardClient(client: Client, busyTimeoutMs: number): Client {
  const marked = client as Client & { [GUARDED]?: true }
  if (marked[GUARDED]) return client
  marked[GUARDED] = true

  const lock = new WriteLock()
  const execute = client.execute.bind(client) as (
    stmt: InStatement,
  ) => ReturnType<Client['execute']>
  const batch = client.batch.bind(client)
  const migrate = client.migrate.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)
  const transaction = client.transaction.bind(client)

  const whileLocked = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire(busyTimeoutMs)
    try {
      return await run()
    } finally {
      release()
    }
  }

  client.execute = ((stmtOrSql: InStatement, args?: unknown) => {
    const stmt = (
      typeof stmtOrSql === 'string' && args !== undefined ? { sql: stmtOrSql, args } : stmtOrSql
    ) as InStatement
    if (!WRITE.test(sqlOf(stmt))) return execute(stmt)
    return whileLocked(async () => {
      try {
        return await execute(stmt)
      } catch (error) {
        if (isBusy(error)) {
          await dropConnection()
          await execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
        }
        throw error
      }
    })
  }) as Client['execute']
  client.batch = (stmts, mode) =>
    mode === 'read' ? batch(stmts, mode) : whileLocked(() => batch(stmts, mode))
  client.migrate = (stmts) => whileLocked(() => migrate(stmts))
  client.executeMultiple = (sql) => whileLocked(() => executeMultiple(sql))

  // A statement that failed with SQLITE_BUSY stays "in progress" on its connection in libsql, and
  // a later COMMIT there fails ("SQL statements in progress"), which Payload does not report. A
  // deferred BEGIN always succeeds and makes the client hand that connection over; closing the
  // transaction drops it, and the client opens a clean one for the next statement.
  const dropConnection = async () => {
    const dropped = await transaction('deferred')
    try {
      dropped.close()
    } catch {
      // The connection is abandoned either way.
    }
  }

  // BEGIN is where a save meets another process's open transaction. SQLite's busy handler would
  // wait on this thread and freeze every request of the process, so BEGIN is tried without it
  // and retried after a short sleep until the busy timeout has passed.
  const beginWhenFree = async (mode: TransactionMode): Promise<Transaction> => {
    const deadline = Date.now() + busyTimeoutMs
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      await execute('PRAGMA busy_timeout = 0')
      try {
        return await transaction(mode)
      } catch (error) {
        if (!isBusy(error)) throw error
        await dropConnection()
        if (Date.now() + pause > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, pause))
      }
    }
  }

  client.transaction = async (mode: TransactionMode = 'write'): Promise<Transaction> => {
    if (mode === 'read') return transaction(mode)
    const release = await lock.acquire(busyTimeoutMs)
    let tx: Transaction
    try {
      tx = await beginWhenFree(mode)
    } catch (error) {
      await execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`).catch(() => undefined)
      release()
      throw error
    }
    await tx.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    // The client has let go of the connection the transaction now owns; set up its next one.
    await execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    const commit = tx.commit.bind(tx)
    const rollback = tx.rollback.bind(tx)
    const close = tx.close.bind(tx)
    tx.commit = async () => {
      try {
        await commit()
      } finally {
        if (tx.closed) release()
      }
    }
    tx.rollback = async () => {
      try {
        await rollback()
      } finally {
        release()
      }
    }
    tx.close = () => {
      try {
        close()
      } finally {
        release()
      }
    }
    return tx
  }
  return client
}
