import crypto from 'node:crypto'

const VERSION = 'v1'

// HMAC needs the signing secret itself, so it cannot be hashed: it is encrypted at rest instead,
// with a key that never lives in the database.
function key(material: string): Buffer {
  if (!material) throw new Error('No key material to encrypt webhook secrets with.')
  return Buffer.from(crypto.hkdfSync('sha256', material, 'haven-webhooks', 'signing-secret', 32))
}

/** Key material: HAVEN_ENCRYPTION_KEY when set, else the Payload secret the server runs with. */
export function keyMaterial(payloadSecret: string): string {
  return process.env.HAVEN_ENCRYPTION_KEY || payloadSecret
}

/** AES-256-GCM; the result is `v1:<iv>:<tag>:<ciphertext>`, all base64url. */
export function encryptSecret(plain: string, material: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key(material), iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':')
}

export class SecretDecryptionError extends Error {
  constructor() {
    super(
      'The signing secret cannot be decrypted (was HAVEN_ENCRYPTION_KEY or PAYLOAD_SECRET changed?). ' +
        'Rotate the secret to issue a new one.',
    )
    this.name = 'SecretDecryptionError'
  }
}

export function decryptSecret(sealed: string, material: string): string {
  const [version, iv, tag, data] = sealed.split(':')
  if (version !== VERSION || !iv || !tag || !data) throw new SecretDecryptionError()
  try {
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      key(material),
      Buffer.from(iv, 'base64url'),
    )
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw new SecretDecryptionError()
  }
}

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function generateSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64')}`
}
