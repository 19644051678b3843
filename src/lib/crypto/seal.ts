import crypto from 'node:crypto'

import { encryptionKeyring, type Keyring } from './keyring'

const VERSION = 'hv1'

const aad = (keyId: string, context: string) => Buffer.from(`${VERSION}|${keyId}|${context}`)

/**
 * AES-256-GCM with a random 96-bit nonce. The envelope "hv1.keyId.iv.ciphertext.tag" names the
 * key it was sealed with, so older keys keep opening old data during a rotation. The context
 * (e.g. "join-requests") is bound in as associated data: a value copied into another place
 * fails to open there.
 */
export function seal(plaintext: string, context: string, keyring: Keyring = encryptionKeyring()) {
  const keyId = keyring.currentId
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', keyring.keys.get(keyId)!, iv)
  cipher.setAAD(aad(keyId, context))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'))
  return [VERSION, keyId, ...parts].join('.')
}

export class SealError extends Error {}

/** The id of the key an envelope was sealed with. */
export function sealedKeyId(envelope: string): string {
  const parts = envelope.split('.')
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SealError('Not an encrypted value.')
  return parts[1]
}

export function open(envelope: string, context: string, keyring: Keyring = encryptionKeyring()) {
  const keyId = sealedKeyId(envelope)
  const key = keyring.keys.get(keyId)
  if (!key)
    throw new SealError(
      `Encryption key "${keyId}" is not in HAVEN_ENCRYPTION_KEYS; keep old keys listed until the rotation job has re-encrypted everything.`,
    )
  const [, , iv, body, tag] = envelope.split('.').map((p) => Buffer.from(p, 'base64url'))
  try {
    // A fixed tag length: Node would otherwise accept a truncated (forgeable) tag.
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
    decipher.setAAD(aad(keyId, context))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  } catch {
    throw new SealError(
      'Encrypted value failed authentication: wrong key, or the data was altered.',
    )
  }
}
