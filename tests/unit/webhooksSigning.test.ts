import crypto from 'node:crypto'
import { Webhook } from 'standardwebhooks'

import { parseKeyring } from '../../src/lib/crypto/keyring'

import {
  decryptSecret,
  encryptSecret,
  generateSigningSecret,
  SecretDecryptionError,
} from '../../src/webhooks/secretBox'
import { signDelivery } from '../../src/webhooks/sign'

const keyring = (id: string) => parseKeyring(`${id}:${crypto.randomBytes(32).toString('base64')}`)

describe('signing secrets at rest', () => {
  it('round-trip through the encryption keyring and are never stored in the clear', () => {
    const keys = keyring('k1')
    const secret = generateSigningSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const sealed = encryptSecret(secret, keys)
    expect(sealed).not.toContain(secret.slice(6, 20))
    expect(decryptSecret(sealed, keys)).toBe(secret)
  })

  it('refuse a wrong key or a tampered value', () => {
    const keys = keyring('k1')
    const sealed = encryptSecret(generateSigningSecret(), keys)
    expect(() => decryptSecret(sealed, keyring('k1'))).toThrow(SecretDecryptionError)
    const parts = sealed.split('.')
    parts[3] = Buffer.from('tampered').toString('base64url')
    expect(() => decryptSecret(parts.join('.'), keys)).toThrow(SecretDecryptionError)
    expect(() => decryptSecret('garbage', keys)).toThrow(SecretDecryptionError)
  })
})

describe('Standard Webhooks headers', () => {
  it('verify with every secret that signed them, and with no other', () => {
    const current = generateSigningSecret()
    const previous = generateSigningSecret()
    const body = JSON.stringify({ type: 'content.published' })
    const headers = signDelivery('msg_1', body, [current, previous])
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(new Webhook(current).verify(body, headers)).toEqual({ type: 'content.published' })
    expect(new Webhook(previous).verify(body, headers)).toEqual({ type: 'content.published' })
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow()
  })

  it('sign the attempt time, which receivers check for staleness', () => {
    const secret = generateSigningSecret()
    const stale = signDelivery('msg_2', '{}', [secret], new Date(Date.now() - 10 * 60_000))
    expect(() => new Webhook(secret).verify('{}', stale)).toThrow(/too old/)
  })
})
