import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, type DocumentNode } from 'graphql'

// Next bundles this module, so import.meta.url may not point at the source tree there; the
// server's working directory is the repository root in every way Haven is started.
function schemaDir(): string {
  const candidates = [path.join(process.cwd(), 'src/graphql/schema')]
  try {
    candidates.unshift(path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema'))
  } catch {
    // not a file: URL (bundled); the cwd candidate remains
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'base.graphql')))
  if (!found) throw new Error(`GraphQL schema files not found (looked in ${candidates.join(', ')})`)
  return found
}

/**
 * Every .graphql file in src/graphql/schema, parsed. Files extend `Query` (or add a `Mutation`)
 * on their own, so a feature adds its schema by dropping a file in that folder.
 */
export function loadTypeDefs(dir: string = schemaDir()): DocumentNode[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => parse(fs.readFileSync(path.join(dir, name), 'utf8')))
}
