import fs from 'node:fs/promises'
import path from 'node:path'

import type { ImportFile, ImportOutcome } from './importArticles'

const TEXT_FILE = /\.(txt|text)$/i

/**
 * A file's identity in the library: its path relative to the import root, with forward slashes
 * ("siteA/article.txt"), or null when it lies outside the root.
 */
export function importName(file: string, root: string): string | null {
  const relative = path.relative(path.resolve(root), path.resolve(file))
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null
  return relative.split(path.sep).join('/')
}

/**
 * The files named on the command line: files as given, folders searched (recursively) for .txt
 * files; each file once. A path that cannot be read becomes a failed outcome instead of stopping
 * the run.
 */
export async function collectFiles(args: string[]) {
  const paths: string[] = []
  const failures: ImportOutcome[] = []
  const walk = async (dir: string) => {
    for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile() && TEXT_FILE.test(entry.name)) paths.push(full)
    }
  }
  for (const arg of args) {
    try {
      if ((await fs.stat(arg)).isDirectory()) await walk(arg)
      else paths.push(arg)
    } catch (error) {
      failures.push({ file: arg, status: 'failed', error: readError(error) })
    }
  }
  const unique = [...new Map(paths.map((p) => [path.resolve(p), p])).values()]
  return { paths: unique, failures }
}

/**
 * Reads one file, or explains why it cannot be read. Its name is its path relative to `root`,
 * the import root (the current folder unless --root is given).
 */
export async function readImportFile(
  file: string,
  root: string = process.cwd(),
): Promise<ImportFile | ImportOutcome> {
  const name = importName(file, root)
  if (!name)
    return {
      file,
      status: 'failed',
      error: `The file is outside the import root (${root}): run the import from a folder that contains it, or pass --root <folder>.`,
    }
  try {
    return { name, bytes: await fs.readFile(file) }
  } catch (error) {
    return { file, status: 'failed', error: readError(error) }
  }
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'No such file or folder.'
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied: the file cannot be read.'
  if (code === 'EISDIR') return 'This is a folder, not a file.'
  return `Cannot read the file (${code ?? (error as Error)?.message ?? 'unknown error'}).`
}
