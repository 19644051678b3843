import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from './paths'

// Values that appear in examples and must never protect a production deployment.
const KNOWN_DEFAULTS = new Set([
  '',
  'secret',
  'changeme',
  'change-me',
  'YOUR_SECRET_HERE',
  'dev-secret',
])

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production'
}

/**
 * PAYLOAD_SECRET signs sessions and preview tokens. In production it must be set to something
 * real. In development a random one is generated once and kept in the data directory, so a new
 * user needs no setup and sessions survive restarts.
 */
export function payloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET ?? ''
  if (fromEnv && !KNOWN_DEFAULTS.has(fromEnv) && fromEnv.length >= 32) return fromEnv
  // `next build` evaluates the config without serving anything; the real check runs at start.
  if (process.env.NEXT_PHASE === 'phase-production-build') return 'build-time-placeholder'
  if (isProduction()) {
    throw new Error(
      'PAYLOAD_SECRET must be set to a random value of at least 32 characters in production ' +
        '(e.g. `openssl rand -hex 32`). Example and empty values are refused.',
    )
  }
  if (fromEnv) return fromEnv
  const file = path.join(dataDir(), '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const generated = crypto.randomBytes(32).toString('hex')
    fs.mkdirSync(dataDir(), { recursive: true })
    fs.writeFileSync(file, generated, { mode: 0o600 })
    return generated
  }
}
