/**
 * Fails (exit 1) when src/migrations/index.ts would apply a migration twice, out of order, or not
 * at all. Run by `npm run migrate:create` after Payload writes a new migration.
 */
import path from 'node:path'

import { migrationFiles, migrationListProblems } from '../db/migrationList'
import { migrations } from '../migrations'

const problems = migrationListProblems(
  migrations.map((m) => m.name),
  migrationFiles(path.resolve(import.meta.dirname, '../migrations')),
)
for (const problem of problems) process.stderr.write(`src/migrations/index.ts: ${problem}\n`)
process.exit(problems.length > 0 ? 1 : 0)
