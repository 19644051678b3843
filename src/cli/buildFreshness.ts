import fs from 'node:fs'
import path from 'node:path'

// What the Next build is made from: a change to any of these makes the build out of date.
const SOURCES = ['src', 'collections', 'payload.config.ts', 'next.config.ts', 'package-lock.json']

function newestSourceTime(root: string): number {
  let newest = 0
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const p of SOURCES) visit(path.join(root, p))
  return newest
}

/** True when there is no production build in `root`/.next or a source is newer than it. */
export function buildIsStale(root: string): boolean {
  const built = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false })
  return !built || newestSourceTime(root) > built.mtimeMs
}
