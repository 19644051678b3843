/**
 * `npm run bench:save`: the event loop's worst delay while one editor's save of the largest
 * article Haven accepts runs through every hook and content check (monitorEventLoopDelay, 1 ms
 * resolution), for ordinary prose and for texts written to make the checks work hardest, next to
 * a save 10× over the limits (refused before any check). Every other request waits that long.
 *
 * Env: BENCH_RUNS (3 saves per case, the worst is printed), BENCH_LIBRARY_ARTICLES (50 drafts in
 * the library first, so the duplicate and title checks have something to compare with).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

import { ARTICLE_TEXT_LIMITS } from '../src/checks'
import { toLexical } from '../src/lib/lexical'
import { seedBlockedPhrases } from '../src/quality/seedBlockedPhrases'
import { generateArticle } from './importArticleGenerator'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const LIBRARY_N = Number(process.env.BENCH_LIBRARY_ARTICLES ?? 50)

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-bench-save-'))
process.env.HAVEN_DATA_DIR = dataDir
process.env.HAVEN_DISABLE_JOBS = 'true'
process.env.PAYLOAD_SECRET ??= crypto.randomBytes(32).toString('hex')
delete process.env.DATABASE_URL

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
const out = (line = '') => process.stdout.write(`${line}\n`)

await seedBlockedPhrases(payload)
for (let n = 0; n < LIBRARY_N; n++) {
  const { title, text } = generateArticle(n)
  await payload.create({
    collection: 'articles',
    draft: true,
    data: { title, slug: `library-${n}`, body: toLexical([{ type: 'paragraph', text }]) },
  })
}

/** `unit` repeated up to exactly `length` characters. */
const fill = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
const prose = Array.from({ length: 40 }, (_, n) => generateArticle(1000 + n).text).join(' ')
const { title: limitTitle, summary: limitSummary, body: limitBody } = ARTICLE_TEXT_LIMITS

const cases: Array<{ name: string; title: string; summary: string; body: string }> = [
  {
    name: 'ordinary prose at the limits',
    title: fill('Living with anxiety at work ', limitTitle),
    summary: fill(prose, limitSummary),
    body: fill(prose, limitBody),
  },
  {
    name: 'one-word title and body (longest words)',
    title: 'a'.repeat(limitTitle),
    summary: 'a'.repeat(limitSummary),
    body: 'a'.repeat(limitBody),
  },
  {
    name: 'body of email addresses',
    title: 'Contacts',
    summary: '',
    body: fill('a@b.co ', limitBody),
  },
  {
    name: 'body of digit runs (phone-like)',
    title: 'Numbers',
    summary: '',
    body: fill('1 ', limitBody),
  },
  {
    name: 'body of content-warning terms',
    title: 'Suicide self-harm abuse',
    summary: '',
    body: fill('suicidal self-harming abusive traumatic overdose ', limitBody),
  },
  {
    name: '10× over every limit (refused)',
    title: 'a'.repeat(limitTitle * 10),
    summary: 'a'.repeat(limitSummary * 10),
    body: fill(prose, limitBody * 10),
  },
]

out(
  `Save of the largest accepted article (SQLite, ${LIBRARY_N} articles in the library, worst of ${RUNS})`,
)
out()
out('| case | save | worst event-loop delay |')
out('| --- | ---: | ---: |')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let n = 0
for (const c of cases) {
  let worstDelay = 0
  let worstSave = 0
  let outcome = 'saved'
  for (let run = 0; run < RUNS; run++) {
    // A fresh histogram whose timer has ticked: a block that begins before its first tick (or
    // right after a reset()) is not recorded.
    const histogram = monitorEventLoopDelay({ resolution: 1 })
    histogram.enable()
    await sleep(20)
    const started = performance.now()
    try {
      await payload.create({
        collection: 'articles',
        draft: true,
        depth: 0,
        data: {
          title: c.title,
          summary: c.summary,
          slug: `bench-save-${++n}`,
          body: toLexical([{ type: 'paragraph', text: c.body }]),
        },
      })
    } catch (error) {
      outcome = `refused: ${(error as Error).message.slice(0, 60)}`
    }
    const took = performance.now() - started
    // One more turn of the loop, so a block that ends with the save is sampled too.
    await sleep(5)
    histogram.disable()
    worstDelay = Math.max(worstDelay, histogram.max / 1e6)
    worstSave = Math.max(worstSave, took)
  }
  out(
    `| ${c.name}${outcome === 'saved' ? '' : ` (${outcome})`} | ${worstSave.toFixed(0)} ms | ${worstDelay.toFixed(0)} ms |`,
  )
}

await payload.destroy()
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
