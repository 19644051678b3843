import fs from 'node:fs'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

// Top-level directories a test may name absolutely: system tools and devices, not project data.
const SYSTEM_DIRS = new Set(['usr', 'bin', 'sbin', 'etc', 'dev', 'proc', 'sys', 'lib', 'lib64'])

const inside = (root: string, target: string) => {
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

const literal = (s: string) => s.trim().match(/^(['"`])([^'"`$]*)\1$/)?.[2]

/**
 * Paths in a test source that lead out of the repository: `path.resolve`/`path.join` from the
 * working directory or the file's own folder with literal segments, relative import specifiers,
 * bare `../` strings (which resolve against the working directory, the repo root), absolute paths
 * into an existing non-system directory, and the home directory. Static on purpose: it must catch
 * a reference that only a missing folder would expose at run time.
 */
export function findPathsOutsideRepo(
  source: string,
  file: string,
  root: string = repoRoot,
  exists: (p: string) => boolean = fs.existsSync,
): string[] {
  const dir = path.dirname(file)
  const found: string[] = []
  const consumed = new Set<number>()

  const call =
    /path\.(?:resolve|join)\(\s*(process\.cwd\(\)|import\.meta\.dirname|__dirname)\s*,([^)]*)\)/g
  for (const m of source.matchAll(call)) {
    // Segments after the first computed one are unknown; the literal ones before it must stay in.
    const parts = m[2].split(',').map(literal)
    const known = parts.slice(0, (parts.indexOf(undefined) + 1 || parts.length + 1) - 1)
    const base = m[1] === 'process.cwd()' ? root : dir
    if (!inside(root, path.resolve(base, ...(known as string[])))) found.push(m[0])
    for (let i = m.index; i < m.index + m[0].length; i++) consumed.add(i)
  }

  const imports =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|jest\.\w+\(\s*)(['"])(\.{1,2}\/[^'"]*)\1/g
  for (const m of source.matchAll(imports)) {
    if (!inside(root, path.resolve(dir, m[2]))) found.push(m[2])
    for (let i = m.index; i < m.index + m[0].length; i++) consumed.add(i)
  }

  for (const m of source.matchAll(/(['"`])((?:\.\.\/|\.\.\1)[^'"`]*)\1/g)) {
    if (consumed.has(m.index)) continue
    if (!inside(root, path.resolve(root, m[2].replace(/['"`]$/, '')))) found.push(m[2])
  }

  for (const m of source.matchAll(/(['"`])(\/([\w.-]+)(?:\/[^'"`\s]*)?)\1/g)) {
    const top = m[3]
    if (SYSTEM_DIRS.has(top) || inside(root, m[2])) continue
    if (exists(`/${top}`)) found.push(m[2])
  }

  if (/\bos\.homedir\(\)|\bprocess\.env\.HOME\b/.test(source)) found.push('home directory')
  return found
}
