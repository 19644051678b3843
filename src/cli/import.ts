/**
 * `npm run import -- [--root <folder>] <files or folders>`: plain-text articles become drafts,
 * each identified by its path relative to the import root (default: the folder given, or the
 * deepest folder holding everything given; pass --root to keep identities stable when importing
 * parts of one tree on different days). On a
 * terminal it shows a progress bar; otherwise (CI, a log file) it prints a line per file as it
 * goes. Then one row per file with its findings, scores and related articles, and the totals.
 * Exits 1 when any file failed, 0 otherwise.
 */
import fs from 'node:fs'
import path from 'node:path'
import { SingleBar, Presets } from 'cli-progress'
import { getPayload } from 'payload'

import { databaseKind, sqliteFile } from '../db/adapter'
import { collectFiles, readImportFile } from '../import'
import { importArticles, type ImportFinding, type ImportOutcome } from '../import'
import { seedBlockedPhrases } from '../quality/seedBlockedPhrases'

/** The deepest folder that holds every file and folder given. */
function commonFolder(items: string[]): string {
  const folders = items.map((item) => {
    const abs = path.resolve(item)
    return fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory() ? abs : path.dirname(abs)
  })
  let common = folders[0].split(path.sep)
  for (const folder of folders.slice(1)) {
    const parts = folder.split(path.sep)
    let i = 0
    while (i < common.length && common[i] === parts[i]) i++
    common = common.slice(0, i)
  }
  return common.join(path.sep) || path.sep
}

const argv = process.argv.slice(2).filter((a) => a !== '--')
const rootAt = argv.indexOf('--root')
const args = rootAt >= 0 ? argv.filter((_, i) => i !== rootAt && i !== rootAt + 1) : argv
const root = rootAt >= 0 ? argv[rootAt + 1] : args.length > 0 ? commonFolder(args) : ''
if (args.length === 0 || !root) {
  process.stderr.write(
    'Usage: npm run import -- [--root <folder>] <file.txt | folder> [more files or folders]\n',
  )
  process.exit(2)
}

process.env.HAVEN_DISABLE_JOBS = 'true'
// A server may be running on this SQLite file: its schema is the server's to change, not ours.
if (databaseKind() === 'sqlite' && fs.existsSync(sqliteFile()))
  process.env.HAVEN_DB_PUSH ??= 'false'
// Loaded only now: the config builds the database adapter from the environment set above.
const { default: config } = await import('../../payload.config')
const { paths, failures } = await collectFiles(args)
const payload = await getPayload({ config })

const outcomes: ImportOutcome[] = [...failures]
const FLAGS: Record<string, string> = {
  privacy: 'personal data',
  duplicate: 'duplicate',
  containment: 'copied wording',
  'title-mismatch': 'title mismatch',
  'title-needed': 'title needed',
  'blocked-phrase': 'blocked phrase',
  'content-warning': 'content warning',
}
const describeFinding = (f: ImportFinding) => {
  const name = FLAGS[f.check] ?? f.check
  const score = f.score != null ? ` ${f.score.toFixed(2)}` : ''
  const related = f.related
    ? ` of #${f.related}${f.relatedTitle ? ` “${f.relatedTitle}”` : ''}`
    : ''
  return `${name}${score}${related}`
}
const describeOutcome = (o: ImportOutcome) =>
  o.error ?? [...new Set((o.findings ?? []).map(describeFinding))].join('; ')

// The bar draws on stderr; piped into a log it would print nothing until the end.
const interactive = Boolean(process.stderr.isTTY)
const bar = new SingleBar(
  { format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
  Presets.shades_classic,
)
let done = 0
try {
  await seedBlockedPhrases(payload)
  const files = []
  for (const file of paths) {
    const read = await readImportFile(file, root)
    if ('bytes' in read) files.push(read)
    else outcomes.push(read)
  }
  if (interactive) bar.start(files.length, 0, { file: '' })
  const result = await importArticles(payload, files, {
    onFile: (o) => {
      if (interactive) return bar.increment({ file: o.file })
      done++
      const id = o.id != null ? ` #${o.id}` : ''
      const details = o.error ?? ''
      process.stdout.write(
        `[${done}/${files.length}] ${o.status}${id} ${o.file}${details ? `: ${details}` : ''}\n`,
      )
    },
  })
  if (interactive) bar.stop()
  outcomes.push(...result.outcomes)
} catch (error) {
  if (interactive) bar.stop()
  process.stderr.write(`Import stopped: ${(error as Error).message}\n`)
  await payload.destroy()
  process.exit(1)
}

const rows = outcomes.map((o) => [
  o.file,
  o.status,
  o.id != null ? `#${o.id}` : '',
  o.title ?? '',
  describeOutcome(o),
])
const header = ['File', 'Result', 'Id', 'Title', 'Findings (score, related article) / error']
const widths = header.map((h, i) =>
  Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))),
)
const line = (cells: string[]) =>
  cells
    .map((c, i) => (i === cells.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i])))
    .join('  ')
const count = (status: string) => outcomes.filter((o) => o.status === status).length
const flagged = outcomes.filter((o) => o.flags?.length).length
process.stdout.write(
  [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `imported ${count('imported')}, updated ${count('updated')}, unchanged ${count('unchanged')}, flagged ${flagged}, failed ${count('failed')}`,
    '',
  ].join('\n'),
)
await payload.destroy()
process.exit(count('failed') > 0 ? 1 : 0)
