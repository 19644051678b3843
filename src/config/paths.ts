import path from 'node:path'

/** Where the embedded database and locally stored media live. Tests point it at a temp dir. */
export function dataDir(): string {
  return path.resolve(process.env.HAVEN_DATA_DIR || path.join(process.cwd(), 'data'))
}

export function mediaDir(): string {
  return path.join(dataDir(), 'media')
}
