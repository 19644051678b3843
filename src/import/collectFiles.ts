import fs from 'node:fs/promises'
import path from 'node:path'

import type { ImportFile, ImportOutcome } from './importArticles'

const TEXT_FILE = /\.(txt|text)$/i

/**
 * The files named on the command line: files as given, folders searched (recursively) for .txt
 * files. A path that cannot be read becomes a failed outcome instead of stopping the run.
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
  return { paths, failures }
}

/** Reads one file, or explains why it cannot be read. */
export async function readImportFile(file: string): Promise<ImportFile | ImportOutcome> {
  try {
    return { name: path.basename(file), bytes: await fs.readFile(file) }
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
