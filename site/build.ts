/**
 * `npm run site:build`: every page of the site as files in site/out, for static hosts (Haven's
 * build-hook endpoints start this). The join form needs the server, so the export leaves it out.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createSite } from './app'

const out = path.resolve(process.env.SITE_OUT_DIR || path.join(import.meta.dirname, 'out'))
const apiUrl = process.env.HAVEN_API_URL || 'http://127.0.0.1:3000/graphql'
const publicUrl = (process.env.SITE_PUBLIC_URL || 'http://localhost:8080').replace(/\/+$/, '')

const site = createSite({ apiUrl, publicUrl, staticExport: true, log: () => undefined })

/** /articles/x → articles/x/index.html; files with an extension keep their name. */
const fileFor = (p: string) => path.join(out, path.extname(p) ? p : path.join(p, 'index.html'))

try {
  const paths = await site.allPaths()
  fs.rmSync(out, { recursive: true, force: true })
  let written = 0
  for (const p of paths) {
    const page = await site.get(p, new URLSearchParams())
    if (page.status !== 200) throw new Error(`${p} answered ${page.status}`)
    const file = fileFor(p)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, page.body)
    written += 1
  }
  const missing = await site.get('/this-page-does-not-exist', new URLSearchParams())
  fs.writeFileSync(path.join(out, '404.html'), missing.body)
  process.stdout.write(`Static site: ${written} files in ${out}\n`)
} catch (error) {
  process.stderr.write(`Static export failed: ${(error as Error).message}\n`)
  process.exitCode = 1
}
