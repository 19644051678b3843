import crypto from 'node:crypto'

import type { Keyring } from '../lib/crypto/keyring'
import { open, seal } from '../lib/crypto/seal'

/** Binds sealed secrets to this use: a value copied into another field fails to open. */
export const SECRET_CONTEXT = 'webhook-signing-secret'

// HMAC needs the signing secret itself, so it cannot be hashed: it is sealed with Haven's
// encryption keyring (HAVEN_ENCRYPTION_KEYS, AES-256-GCM), whose keys never live in the database.
export const encryptSecret = (plain: string, keyring?: Keyring) =>
  seal(plain, SECRET_CONTEXT, keyring)

export class SecretDecryptionError extends Error {
  constructor() {
    super(
      'The signing secret cannot be decrypted (was its key removed from HAVEN_ENCRYPTION_KEYS?). ' +
        'Rotate the secret to issue a new one.',
    )
    this.name = 'SecretDecryptionError'
  }
}

export function decryptSecret(sealed: string, keyring?: Keyring): string {
  try {
    return open(sealed, SECRET_CONTEXT, keyring)
  } catch {
    throw new SecretDecryptionError()
  }
}

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function generateSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64')}`
}
