import fs from 'node:fs'
import path from 'node:path'

import type { Site } from './app'

/** /articles/x → articles/x/index.html; files with an extension keep their name. */
const fileFor = (out: string, p: string) =>
  path.join(out, path.extname(p) ? p : path.join(p, 'index.html'))

/**
 * Writes every page to `out` for a static host. Written to a fresh folder that replaces the old
 * one only when every page rendered, so a failed export never leaves a half-updated site.
 */
export async function exportSite(site: Site, out: string): Promise<number> {
  const paths = await site.allPaths()
  const staging = `${out}.tmp-${process.pid}`
  fs.rmSync(staging, { recursive: true, force: true })
  try {
    for (const p of paths) {
      const page = await site.get(p, new URLSearchParams())
      if (page.status !== 200) throw new Error(`${p} answered ${page.status}`)
      const file = fileFor(staging, p)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, page.body)
    }
    const missing = await site.get('/404', new URLSearchParams())
    fs.writeFileSync(path.join(staging, '404.html'), missing.body)
    fs.rmSync(out, { recursive: true, force: true })
    fs.renameSync(staging, out)
    return paths.length
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    throw error
  }
}
