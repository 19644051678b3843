import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from '../../config/paths'
import { isProduction } from '../../config/secrets'

export type Keyring = {
  /** New data is sealed with this key; the first in HAVEN_ENCRYPTION_KEYS. */
  currentId: string
  keys: Map<string, Buffer>
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/

/**
 * Parses "keyId:base64key,keyId:base64key" (first is current). Every key must be 32 bytes
 * (AES-256). Messages name the entry, never the key material.
 */
export function parseKeyring(spec: string, source = 'HAVEN_ENCRYPTION_KEYS'): Keyring {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  if (entries.length === 0)
    throw new Error(`${source} is empty: give at least one keyId:base64key.`)
  const keys = new Map<string, Buffer>()
  entries.forEach((entry, i) => {
    const at = entry.indexOf(':')
    const id = entry.slice(0, at)
    if (at < 0 || !KEY_ID.test(id))
      throw new Error(
        `${source} entry ${i + 1} must look like keyId:base64key, the id made of letters, digits, - or _.`,
      )
    const key = Buffer.from(entry.slice(at + 1), 'base64')
    if (key.length !== 32)
      throw new Error(
        `${source} key "${id}" must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`).`,
      )
    if (keys.has(id)) throw new Error(`${source} lists key "${id}" twice.`)
    keys.set(id, key)
  })
  return { currentId: entries[0].slice(0, entries[0].indexOf(':')), keys }
}

const cache = new Map<string, Keyring>()

function devKeyFile(): string {
  return path.join(dataDir(), '.encryption-keys')
}

/**
 * The keys for data encrypted at rest (join requests). Production refuses to start without
 * HAVEN_ENCRYPTION_KEYS; development generates one key and keeps it in the data directory, so a
 * new user needs no setup and data written yesterday still opens today.
 */
export function encryptionKeyring(): Keyring {
  const fromEnv = process.env.HAVEN_ENCRYPTION_KEYS?.trim()
  const cacheKey = fromEnv ? `env:${fromEnv}` : `file:${devKeyFile()}`
  const cached = cache.get(cacheKey)
  if (cached) return cached
  let keyring: Keyring
  if (fromEnv) keyring = parseKeyring(fromEnv)
  else if (isProduction())
    throw new Error(
      'HAVEN_ENCRYPTION_KEYS must be set in production: keyId:base64key with a 32-byte key, e.g. ' +
        '`echo "k1:$(openssl rand -base64 32)"`. Join requests are encrypted with it.',
    )
  else {
    const file = devKeyFile()
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      const spec = `dev1:${crypto.randomBytes(32).toString('base64')}`
      fs.writeFileSync(file, spec, { mode: 0o600, flag: 'wx' })
    }
    keyring = parseKeyring(fs.readFileSync(file, 'utf8'), file)
  }
  cache.set(cacheKey, keyring)
  return keyring
}

/** Fails fast at startup, the way PAYLOAD_SECRET does, instead of at the first join request. */
export function assertEncryptionConfigured(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  encryptionKeyring()
}
