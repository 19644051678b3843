/**
 * The SQLite adapter's settings as the live connection really has them (not as configured), and
 * the transaction behaviour that lets two processes share the file.
 */
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { SQLITE_BUSY_TIMEOUT_MS } from '../../src/db/adapter'
import { body } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

const onSqlite = (process.env.HAVEN_TEST_DB ?? 'sqlite') === 'sqlite'
const describeOnSqlite = onSqlite ? describe : describe.skip

describeOnSqlite('the SQLite adapter', () => {
  let t: TestPayload
  let other: Client
  const live = () => (t.payload.db as unknown as { client: Client }).client
  const pragma = async (client: Client, name: string) =>
    Object.values((await client.execute(`PRAGMA ${name}`)).rows[0])[0]

  beforeAll(async () => {
    t = await startPayload()
    // A second process's view of the same file: its own connection, no busy timeout.
    other = createClient({ url: `file:${path.join(t.dataDir, 'haven.db')}` })
  }, 120_000)
  afterAll(async () => {
    other?.close()
    await t?.stop()
  })

  const article = (title: string) =>
    t.payload.create({
      collection: 'articles',
      data: { title, body: body(`${title} body.`), _status: 'draft' },
      draft: true,
      context: { skipContentChecks: true, skipReviewWorkflow: true },
    })

  it('runs in WAL mode with the busy timeout, also on connections opened after a transaction', async () => {
    expect(await pragma(live(), 'journal_mode')).toBe('wal')
    expect(Number(await pragma(live(), 'busy_timeout'))).toBe(SQLITE_BUSY_TIMEOUT_MS)
    // libsql hands its connection to each transaction and opens a new one for what follows.
    await article('After a transaction')
    await article('After another transaction')
    expect(Number(await pragma(live(), 'busy_timeout'))).toBe(SQLITE_BUSY_TIMEOUT_MS)
    expect(await pragma(live(), 'journal_mode')).toBe('wal')
  })

  it('takes the write lock when a transaction begins, not at its first write', async () => {
    const id = await t.payload.db.beginTransaction()
    expect(id).toBeTruthy()
    try {
      await expect(other.execute('BEGIN IMMEDIATE')).rejects.toThrow(/locked|busy/i)
      // Readers are never blocked by the writer (WAL).
      expect((await other.execute('SELECT count(*) AS n FROM articles')).rows).toHaveLength(1)
    } finally {
      await t.payload.db.rollbackTransaction(id!)
    }
    await other.execute('BEGIN IMMEDIATE')
    await other.execute('ROLLBACK')
  })

  it('rolls back every row of a save that does not complete', async () => {
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    const doc = await t.payload.create({
      collection: 'articles',
      data: { title: 'Never committed', body: body('Gone.'), _status: 'draft' },
      draft: true,
      context: { skipContentChecks: true, skipReviewWorkflow: true },
      req,
    })
    await killTransaction(req)
    const found = await t.payload.find({
      collection: 'articles',
      where: { id: { equals: doc.id } },
      draft: true,
    })
    expect(found.totalDocs).toBe(0)
    const versions = await t.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: doc.id } },
    })
    expect(versions.totalDocs).toBe(0)
  })

  it('takes many concurrent saves in one process without a busy error', async () => {
    const doc = await article('Concurrent 0')
    const saves = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.payload.update({
          collection: 'articles',
          id: doc.id,
          draft: true,
          data: { title: `Concurrent ${i + 1}`, body: body(`Concurrent ${i + 1} body.`) },
          context: { skipContentChecks: true, skipReviewWorkflow: true },
        }),
      ),
    )
    expect(saves.filter((s) => s.status === 'rejected')).toEqual([])
  })

  it('waits for another process to finish writing, without blocking this one', async () => {
    // The other connection holds the write lock and commits from a timer of this process: the
    // save can only succeed if its wait leaves the event loop free for that timer to run.
    // A fresh connection: a statement that failed with SQLITE_BUSY stays open on its connection.
    const writer = createClient({ url: `file:${path.join(t.dataDir, 'haven.db')}` })
    await writer.execute('BEGIN IMMEDIATE')
    await writer.execute('UPDATE articles SET updated_at = updated_at WHERE id < 0')
    let committed = false
    setTimeout(() => {
      committed = true
      void writer.execute('COMMIT').finally(() => writer.close())
    }, 300)
    const doc = await article('Saved after the other writer')
    expect(committed).toBe(true)
    const found = await t.payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(found.title).toBe('Saved after the other writer')
  })
})
