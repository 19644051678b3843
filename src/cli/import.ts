/**
 * `npm run import -- <files or folders>`: plain-text articles become drafts. Prints a progress
 * bar, then one line per file and the totals. Exits 1 when any file failed, 0 otherwise.
 */
import fs from 'node:fs'
import { SingleBar, Presets } from 'cli-progress'
import { getPayload } from 'payload'

import { databaseKind, sqliteFile } from '../db/adapter'
import { collectFiles, readImportFile } from '../import/collectFiles'
import { importArticles, type ImportOutcome } from '../import/importArticles'
import { seedBlockedPhrases } from '../quality/seedBlockedPhrases'

const args = process.argv.slice(2).filter((a) => a !== '--')
if (args.length === 0) {
  process.stderr.write('Usage: npm run import -- <file.txt | folder> [more files or folders]\n')
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
const bar = new SingleBar(
  { format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
  Presets.shades_classic,
)
try {
  await seedBlockedPhrases(payload)
  const files = []
  for (const file of paths) {
    const read = await readImportFile(file)
    if ('bytes' in read) files.push(read)
    else outcomes.push(read)
  }
  bar.start(files.length, 0, { file: '' })
  const result = await importArticles(payload, files, {
    onFile: (o) => bar.increment({ file: o.file }),
  })
  bar.stop()
  outcomes.push(...result.outcomes)
} catch (error) {
  bar.stop()
  process.stderr.write(`Import stopped: ${(error as Error).message}\n`)
  await payload.destroy()
  process.exit(1)
}

const FLAGS: Record<string, string> = {
  privacy: 'personal data',
  duplicate: 'duplicate',
  'title-mismatch': 'title mismatch',
  'blocked-phrase': 'blocked phrase',
}
const rows = outcomes.map((o) => [
  o.file,
  o.status,
  o.title ?? '',
  o.error ?? (o.flags ?? []).map((f) => FLAGS[f] ?? f).join(', '),
])
const header = ['File', 'Result', 'Title', 'Flags / error']
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
