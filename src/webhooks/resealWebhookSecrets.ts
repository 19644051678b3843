import type { PayloadRequest } from 'payload'

import { encryptionKeyring } from '../lib/crypto/keyring'
import { sealedKeyId } from '../lib/crypto/seal'
import { decryptSecret, encryptSecret } from './secretBox'

type Row = {
  id: string | number
  secretCiphertext?: string | null
  previousSecretCiphertext?: string | null
}

const FIELDS = ['secretCiphertext', 'previousSecretCiphertext'] as const

/**
 * Key rotation for signing secrets: re-seals any still sealed under an older key of
 * HAVEN_ENCRYPTION_KEYS, so old keys can be removed once this has run. Writes go straight to the
 * database adapter: no hook or log ever sees a secret.
 */
export async function resealWebhookSecrets(req: PayloadRequest): Promise<number> {
  const keyring = encryptionKeyring()
  const { docs } = await req.payload.db.find<Row>({
    collection: 'webhook-endpoints',
    pagination: false,
    req,
  })
  let changed = 0
  for (const row of docs) {
    const data: Partial<Record<(typeof FIELDS)[number], string>> = {}
    for (const field of FIELDS) {
      const sealed = row[field]
      if (!sealed || sealedKeyId(sealed) === keyring.currentId) continue
      data[field] = encryptSecret(decryptSecret(sealed, keyring), keyring)
    }
    if (Object.keys(data).length === 0) continue
    await req.payload.db.updateOne({ collection: 'webhook-endpoints', id: row.id, data, req })
    changed += 1
  }
  return changed
}
