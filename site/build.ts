/**
 * `npm run site:build`: every page of the site as files in site/out, for static hosts (Haven's
 * build-hook endpoints can start this). The join form needs the server, so the export leaves it out.
 */
import path from 'node:path'

import { createSite } from './app'
import { exportSite } from './export'

const out = path.resolve(process.env.SITE_OUT_DIR || path.join(import.meta.dirname, 'out'))
const apiUrl = process.env.HAVEN_API_URL || 'http://127.0.0.1:3000/graphql'
const publicUrl = (process.env.SITE_PUBLIC_URL || 'http://localhost:8080').replace(/\/+$/, '')

const site = createSite({ apiUrl, publicUrl, staticExport: true, log: () => undefined })
try {
  const written = await exportSite(site, out)
  process.stdout.write(`Static site: ${written} pages in ${out}\n`)
} catch (error) {
  process.stderr.write(`Static export failed: ${(error as Error).message}\n`)
  process.exitCode = 1
}
