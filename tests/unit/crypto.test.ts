import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { encryptionKeyring, parseKeyring } from '../../src/lib/crypto/keyring'
import { open, seal, sealedKeyId } from '../../src/lib/crypto/seal'

const key = () => crypto.randomBytes(32).toString('base64')
const env = process.env as Record<string, string | undefined>

describe('sealing', () => {
  const keyring = parseKeyring(`k1:${key()}`)

  it('round-trips text, with a fresh nonce each time', () => {
    const a = seal('Jane, 07911 123456', 'join-requests', keyring)
    const b = seal('Jane, 07911 123456', 'join-requests', keyring)
    expect(a).not.toBe(b)
    expect(a).not.toContain('Jane')
    expect(sealedKeyId(a)).toBe('k1')
    expect(open(a, 'join-requests', keyring)).toBe('Jane, 07911 123456')
  })

  it('refuses altered ciphertext, nonce, tag or key id', () => {
    const sealed = seal('secret text', 'join-requests', keyring)
    const parts = sealed.split('.')
    for (const i of [2, 3, 4]) {
      const bytes = Buffer.from(parts[i], 'base64url')
      bytes[0] ^= 1
      const altered = [...parts]
      altered[i] = bytes.toString('base64url')
      expect(() => open(altered.join('.'), 'join-requests', keyring)).toThrow(
        /failed authentication/,
      )
    }
    const truncatedTag = [...parts.slice(0, 4), parts[4].slice(0, 6)].join('.')
    expect(() => open(truncatedTag, 'join-requests', keyring)).toThrow(/failed authentication/)
    expect(() => open(sealed.replace('hv1.k1', 'hv1.k9'), 'join-requests', keyring)).toThrow(
      /"k9" is not in HAVEN_ENCRYPTION_KEYS/,
    )
  })

  it('binds the context: a value copied elsewhere does not open', () => {
    const sealed = seal('secret text', 'join-requests', keyring)
    expect(() => open(sealed, 'something-else', keyring)).toThrow(/failed authentication/)
  })
})

describe('key rotation', () => {
  it('new data uses the first key; older keys still open old data until removed', () => {
    const k1 = `k1:${key()}`
    const k2 = `k2:${key()}`
    const before = parseKeyring(k1)
    const old = seal('written last year', 'c', before)
    const during = parseKeyring(`${k2},${k1}`)
    expect(open(old, 'c', during)).toBe('written last year')
    const resealed = seal(open(old, 'c', during), 'c', during)
    expect(sealedKeyId(resealed)).toBe('k2')
    const after = parseKeyring(k2)
    expect(open(resealed, 'c', after)).toBe('written last year')
    expect(() => open(old, 'c', after)).toThrow(/"k1" is not in HAVEN_ENCRYPTION_KEYS/)
  })
})

describe('key configuration', () => {
  it.each([
    ['', /empty/],
    ['nokeyid', /keyId:base64key/],
    ['bad id!:AAAA', /keyId:base64key/],
    [`k1:${Buffer.alloc(16).toString('base64')}`, /32 random bytes/],
    [`k1:${key()},k1:${key()}`, /twice/],
  ])('refuses %p with a message that shows no key material', (spec, message) => {
    let error: Error | undefined
    try {
      parseKeyring(spec)
    } catch (e) {
      error = e as Error
    }
    expect(error?.message).toMatch(message)
    const material = spec
      .split(',')
      .map((e) => e.split(':')[1])
      .filter((m) => m && m.length > 8)
    for (const m of material) expect(error?.message).not.toContain(m)
  })

  describe('from the environment', () => {
    const saved = { ...process.env }
    let dir: string
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-keys-'))
      env.HAVEN_DATA_DIR = dir
      delete env.HAVEN_ENCRYPTION_KEYS
      delete env.HAVEN_ALLOW_DEV_SECRETS
    })
    afterEach(() => {
      for (const name of [
        'NODE_ENV',
        'HAVEN_DATA_DIR',
        'HAVEN_ENCRYPTION_KEYS',
        'HAVEN_ALLOW_DEV_SECRETS',
      ])
        if (saved[name] === undefined) delete env[name]
        else env[name] = saved[name]
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('production refuses to start without HAVEN_ENCRYPTION_KEYS', () => {
      env.NODE_ENV = 'production'
      expect(() => encryptionKeyring()).toThrow(/HAVEN_ENCRYPTION_KEYS must be set in production/)
    })

    it('development generates one key, private to the owner, and keeps using it', () => {
      env.NODE_ENV = 'development'
      const first = encryptionKeyring()
      const file = path.join(dir, '.encryption-keys')
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
      const sealed = seal('kept', 'c', first)
      expect(open(sealed, 'c', parseKeyring(fs.readFileSync(file, 'utf8')))).toBe('kept')
    })

    it('uses HAVEN_ENCRYPTION_KEYS when set, first key current', () => {
      env.NODE_ENV = 'production'
      env.HAVEN_ENCRYPTION_KEYS = `new:${key()}, old:${key()}`
      const keyring = encryptionKeyring()
      expect(keyring.currentId).toBe('new')
      expect([...keyring.keys.keys()]).toEqual(['new', 'old'])
    })
  })
})
