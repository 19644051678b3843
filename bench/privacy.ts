/**
 * Cost of the privacy guard and of join-request encryption, side by side with a baseline.
 * `node --import tsx bench/privacy.ts` (no database needed).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { detectPersonalData } from '../src/privacy/detectPersonalData'
import { findEmails } from '../src/privacy/detectors/email'
import { parseKeyring } from '../src/lib/crypto/keyring'
import { open, seal } from '../src/lib/crypto/seal'

function time(label: string, runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(runs, 20); i++) fn()
  const start = process.hrtime.bigint()
  for (let i = 0; i < runs; i++) fn()
  const perRunMs = Number(process.hrtime.bigint() - start) / 1e6 / runs
  console.log(`${label.padEnd(52)} ${perRunMs.toFixed(3).padStart(9)} ms`)
  return perRunMs
}

const seedDir = path.resolve(process.cwd(), '../shared/seeds')
const seeds = fs
  .readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'))
const chars = seeds.reduce((n, s) => n + s.length, 0) / seeds.length

console.log(`Privacy guard on the shared seed articles (${Math.round(chars)} characters each)`)
const baseline = time('baseline: one email regex, three articles', 500, () =>
  seeds.forEach(findEmails),
)
const full = time('privacy guard: every detector, three articles', 200, () =>
  seeds.forEach((s) => detectPersonalData(s)),
)
console.log(`ratio guard / baseline: ${(full / baseline).toFixed(1)}x\n`)

const keyring = parseKeyring(`k1:${crypto.randomBytes(32).toString('base64')}`)
const request = JSON.stringify({
  name: 'A Person',
  contact: 'a@example.org',
  message: 'x'.repeat(600),
})
console.log('Join-request encryption (one request, ~650 bytes)')
const json = time('baseline: JSON.parse of the request', 20000, () => JSON.parse(request))
const sealed = seal(request, 'join-requests', keyring)
const s = time('seal (AES-256-GCM)', 20000, () => seal(request, 'join-requests', keyring))
const o = time('open (AES-256-GCM)', 20000, () => open(sealed, 'join-requests', keyring))
console.log(
  `ratio seal / baseline: ${(s / json).toFixed(1)}x, open / baseline: ${(o / json).toFixed(1)}x`,
)
