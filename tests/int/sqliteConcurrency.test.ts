/**
 * The embedded SQLite file shared by two processes, as in normal use: the production server
 * (started as `npm start` does) takes concurrent draft saves over REST while `npm run import`
 * runs as a separate process on the same file. Nothing may fail, be lost or be half-written, and
 * an importer killed mid-run must leave nothing that a re-run does not complete.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { lexicalToPlainText, toLexical } from '../../src/lib/lexical'
import { startServer, type RunningServer } from '../helpers/server'

const root = path.resolve(import.meta.dirname, '../..')
const onSqlite = (process.env.HAVEN_TEST_DB ?? 'sqlite') === 'sqlite'

// A deterministic generator, so every run writes the same distinct articles.
function generator(seed: number) {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const words = (
    'river lantern orchard quiet morning harbour meadow garden window kettle bicycle library ' +
    'autumn pebble compass notebook evening thunder candle blanket ladder market station ' +
    'balcony sparrow violin marble forest island pocket ribbon saddle tunnel valley willow'
  ).split(' ')
  const word = () => words[Math.floor(next() * words.length)]
  const sentence = () =>
    Array.from({ length: 9 + Math.floor(next() * 8) }, word)
      .join(' ')
      .replace(/^./, (c) => c.toUpperCase()) + '.'
  return { word, sentence }
}

function writeArticles(dir: string, prefix: string, count: number, seed: number) {
  fs.mkdirSync(dir, { recursive: true })
  const g = generator(seed)
  const titles: string[] = []
  for (let i = 1; i <= count; i++) {
    const title = `${prefix} ${i}: ${g.word()} and ${g.word()}`
    const paragraphs = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, g.sentence).join(' '),
    )
    fs.writeFileSync(
      path.join(dir, `${prefix.toLowerCase().replace(/\W+/g, '-')}-${i}.txt`),
      [title, '', ...paragraphs].join('\n\n'),
    )
    titles.push(title)
  }
  return titles
}

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> }
const running = new Set<ChildProcess>()

function runImporter(server: RunningServer, dir: string): Run {
  // The same command an operator types, against the server's data directory.
  const { NODE_ENV: _ignored, ...env } = process.env
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', path.join(root, 'src/cli/import.ts'), dir],
    {
      cwd: root,
      env: {
        ...env,
        NODE_OPTIONS: '',
        DATABASE_URL: '',
        HAVEN_DATA_DIR: server.dataDir,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  running.add(child)
  child.on('exit', () => running.delete(child))
  let log = ''
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ? null : code)),
  )
  return { child, output: () => log, exited }
}

const describeOnSqlite = onSqlite ? describe : describe.skip

describeOnSqlite('the server and the importer on one SQLite file', () => {
  let server: RunningServer
  let token: string
  let passed = 0
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-concurrency-'))

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/${url}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, text, json: () => JSON.parse(text) }
  }

  const articlesTitled = async (prefix: string) => {
    const q = new URLSearchParams({
      'where[title][like]': prefix,
      draft: 'true',
      depth: '0',
      limit: '200',
    })
    const res = await api('GET', `articles?${q}`)
    expect({ status: res.status, body: res.text.slice(0, 300) }).toMatchObject({ status: 200 })
    return res.json().docs as Array<{ id: number; title: string; body: unknown }>
  }

  const indexedArticleIds = async (ids: number[]) => {
    const q = new URLSearchParams({ depth: '0', limit: '1000' })
    ids.forEach((id, i) => q.set(`where[article][in][${i}]`, String(id)))
    const res = await api('GET', `article-signatures?${q}`)
    expect({ status: res.status, body: res.text.slice(0, 300) }).toMatchObject({ status: 200 })
    return new Set((res.json().docs as Array<{ article: number }>).map((d) => d.article))
  }

  beforeAll(async () => {
    server = await startServer()
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(server.admin),
    })
    expect(login.status).toBe(200)
    token = (await login.json()).token
    // Includes building the app when the build is missing or older than the sources.
  }, 1_800_000)

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL')
    // The server's own log explains a failure that only shows up as a status code here.
    if (server && passed < 2)
      process.stdout.write(`Server output (tail):\n${server.output().slice(-6000)}\n`)
    await server?.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }, 60_000)

  it('imports 40 files while the server takes 40 concurrent saves of one article', async () => {
    const created = await api('POST', 'articles?draft=true&depth=0', {
      title: 'Saved while importing 0',
      body: toLexical([{ type: 'paragraph', text: 'Save number 0 of the concurrency test.' }]),
      _status: 'draft',
    })
    expect(created.status).toBe(201)
    const articleId = created.json().doc.id as number

    const titles = writeArticles(path.join(work, 'first'), 'Concurrency probe', 40, 7)
    const importer = runImporter(server, path.join(work, 'first'))

    const save = (n: number) =>
      api('PATCH', `articles/${articleId}?draft=true&depth=0`, {
        title: `Saved while importing ${n}`,
        body: toLexical([{ type: 'paragraph', text: `Save number ${n} of the concurrency test.` }]),
      })
    // Half the saves overlap the importer's start-up, half its writes.
    const early = await Promise.all(Array.from({ length: 20 }, (_, i) => save(i + 1)))
    while (
      (await articlesTitled('Concurrency probe')).length === 0 &&
      importer.child.exitCode === null
    )
      await new Promise((r) => setTimeout(r, 200))
    const late = await Promise.all(Array.from({ length: 20 }, (_, i) => save(i + 21)))
    const code = await importer.exited

    const failedSaves = [...early, ...late]
      .filter((res) => res.status !== 200)
      .map((res) => `${res.status} ${res.text.slice(0, 200)}`)
    expect(failedSaves).toEqual([])
    expect({ code, output: importer.output().slice(-3000) }).toMatchObject({ code: 0 })
    expect(importer.output()).toMatch(/imported 40, .*failed 0/)
    expect(importer.output().match(/^\[\d+\/40\] imported #\d+ /gm)).toHaveLength(40)

    // Title and body come from the same save, and no version lost either.
    const doc = (await api('GET', `articles/${articleId}?draft=true&depth=0`)).json()
    const n = Number(/^Saved while importing (\d+)$/.exec(doc.title)?.[1])
    expect(n).toBeGreaterThanOrEqual(1)
    expect(lexicalToPlainText(doc.body).trim()).toBe(`Save number ${n} of the concurrency test.`)
    const versions = await api(
      'GET',
      `articles/versions?where[parent][equals]=${articleId}&limit=100&depth=0`,
    )
    expect(versions.status).toBe(200)
    for (const v of versions.json().docs as Array<{
      version: { title?: string; body?: unknown }
    }>) {
      const m = /^Saved while importing (\d+)$/.exec(v.version.title ?? '')
      expect(m).not.toBeNull()
      expect(lexicalToPlainText(v.version.body).trim()).toBe(
        `Save number ${m![1]} of the concurrency test.`,
      )
    }

    const imported = await articlesTitled('Concurrency probe')
    expect(imported.map((a) => a.title).sort()).toEqual([...titles].sort())
    for (const a of imported) expect(lexicalToPlainText(a.body).length).toBeGreaterThan(100)
    const indexed = await indexedArticleIds(imported.map((a) => a.id))
    expect(imported.filter((a) => !indexed.has(a.id)).map((a) => a.title)).toEqual([])
    passed++
  }, 900_000)

  it('completes an import killed mid-run when it is run again', async () => {
    const dir = path.join(work, 'second')
    const titles = writeArticles(dir, 'Interrupted probe', 40, 11)
    const first = runImporter(server, dir)
    while ((await articlesTitled('Interrupted probe')).length < 5 && first.child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100))
    // Its output is a pipe, not a terminal: a line per file arrives while it runs, not at the end.
    while (!/\[\d+\/40\] imported #\d+ /.test(first.output()) && first.child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100))
    expect(first.child.exitCode).toBeNull()
    expect(first.output()).toMatch(/^\[1\/40\] imported #\d+ interrupted-probe-\d+\.txt$/m)
    first.child.kill('SIGKILL')
    expect(await first.exited).toBeNull()
    const before = (await articlesTitled('Interrupted probe')).length
    expect(before).toBeLessThan(40)

    const again = runImporter(server, dir)
    expect({ code: await again.exited, output: again.output().slice(-3000) }).toMatchObject({
      code: 0,
    })
    expect(again.output()).toMatch(new RegExp(`imported ${40 - before}, .*failed 0`))

    const imported = await articlesTitled('Interrupted probe')
    expect(imported.map((a) => a.title).sort()).toEqual([...titles].sort())
    for (const a of imported) expect(lexicalToPlainText(a.body).length).toBeGreaterThan(100)
    const indexed = await indexedArticleIds(imported.map((a) => a.id))
    expect(imported.filter((a) => !indexed.has(a.id)).map((a) => a.title)).toEqual([])
    passed++
  }, 900_000)
})
