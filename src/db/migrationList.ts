/**
 * What makes a migration list safe to apply on an empty production database: every name once,
 * in the order of their timestamps, and exactly the migration files that are in the folder.
 * A name listed twice is applied twice in one run (Payload reads what has run before it starts),
 * so the second copy fails on an empty database ("type already exists") and `npm start` exits.
 * Checked by tests/unit/migrations.test.ts and by `npm run migrate:create` after it writes.
 */
import fs from 'node:fs'
import path from 'node:path'

export function migrationListProblems(names: string[], files: string[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) problems.push(`${name} is listed more than once`)
    seen.add(name)
  }
  for (let i = 1; i < names.length; i++) {
    if (names[i - 1] >= names[i] && names[i - 1] !== names[i]) {
      problems.push(`${names[i]} is listed after ${names[i - 1]}: the list must be in time order`)
    }
  }
  for (const file of files) {
    if (!seen.has(file)) problems.push(`${file}.ts is in the folder but not in the list`)
  }
  for (const name of seen) {
    if (!files.includes(name)) problems.push(`${name} is listed but has no file`)
  }
  return problems
}

/** The migration names that have a .ts file in `dir` (index.ts aside). */
export function migrationFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{8}_\d{6}_.+\.ts$/.test(f))
    .map((f) => path.basename(f, '.ts'))
    .sort()
}
