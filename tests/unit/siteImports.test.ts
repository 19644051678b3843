import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const siteDir = path.join(root, 'site')
// npm packages the site may use; everything else it needs comes from Haven's public API.
const ALLOWED_PACKAGES = new Set(['standardwebhooks'])
// Packages whose types only the site may import: `import type` is erased before the site runs
// (the generated client's document type, the code generator's config type).
const TYPE_ONLY_PACKAGES = new Set(['@graphql-typed-document-node/core', '@graphql-codegen/cli'])

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'out' ? [] : sources(full)
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : []
  })
}

const packageName = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]

/** Type-only packages imported in a way that survives to run time. */
function runtimeUsesOfTypeOnly(code: string): string[] {
  const found: string[] = []
  const anyUse = [
    /\bimport\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(type\s+)?[^'"]*?\sfrom\s+['"]([^'"]+)['"]/g,
  ]
  for (const pattern of anyUse)
    for (const m of code.matchAll(pattern))
      if (TYPE_ONLY_PACKAGES.has(packageName(m[2])) && !m[1]) found.push(m[2])
  for (const m of code.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g))
    if (TYPE_ONLY_PACKAGES.has(packageName(m[1]))) found.push(m[1])
  return found
}

function specifiers(code: string): string[] {
  const found: string[] = []
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+[^'"]*?\sfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1])
  return found
}

/** Why an import is not allowed in site/, or null when it is. */
function violation(file: string, spec: string): string | null {
  if (spec.startsWith('node:')) return null
  if (spec.startsWith('.')) {
    const target = path.resolve(path.dirname(file), spec)
    return target === siteDir || target.startsWith(siteDir + path.sep)
      ? null
      : `reaches outside site/ (${path.relative(root, target)})`
  }
  const name = packageName(spec)
  return ALLOWED_PACKAGES.has(name) || TYPE_ONLY_PACKAGES.has(name)
    ? null
    : `imports ${name}, which is not on the site's list`
}

describe('site/ reads Haven only through its public API', () => {
  const files = sources(siteDir)

  it('finds the site sources and their imports', () => {
    expect(files.some((f) => f.endsWith('app.ts'))).toBe(true)
    const all = files.flatMap((f) => specifiers(fs.readFileSync(f, 'utf8')))
    expect(all).toContain('standardwebhooks')
    expect(all).toContain('./api')
  })

  it('imports nothing but its own files, node: built-ins and listed packages', () => {
    const problems = files.flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .map((spec) => [spec, violation(file, spec)] as const)
        .filter(([, why]) => why)
        .map(([spec, why]) => `${path.relative(root, file)}: '${spec}' ${why}`),
    )
    expect(problems).toEqual([])
  })

  it('imports only types from the packages listed for types', () => {
    const problems = files.flatMap((file) =>
      runtimeUsesOfTypeOnly(fs.readFileSync(file, 'utf8')).map(
        (spec) => `${path.relative(root, file)}: '${spec}' is imported for more than its types`,
      ),
    )
    expect(problems).toEqual([])
    expect(runtimeUsesOfTypeOnly(`import { x } from '@graphql-codegen/cli'`)).toEqual([
      '@graphql-codegen/cli',
    ])
    expect(runtimeUsesOfTypeOnly(`import type { x } from '@graphql-codegen/cli'`)).toEqual([])
  })

  it('the check itself catches Payload, the config and Haven sources', () => {
    const file = path.join(siteDir, 'app.ts')
    expect(violation(file, 'payload')).toMatch(/not on the site's list/)
    expect(violation(file, '@payloadcms/db-sqlite')).toMatch(/@payloadcms\/db-sqlite/)
    // Specifiers as site/app.ts would write them to reach the config or Haven's sources.
    const from = (target: string) => path.relative(siteDir, path.join(root, target))
    expect(violation(file, from('payload.config'))).toMatch(/outside site/)
    expect(violation(file, from('src/graphql/locale'))).toMatch(/outside site/)
    expect(specifiers(`import config from '@payload-config'`)).toEqual(['@payload-config'])
    expect(specifiers(`const m = await import('./seed')`)).toEqual(['./seed'])
    expect(violation(file, 'node:http')).toBeNull()
    expect(violation(file, './render/html')).toBeNull()
  })
})
