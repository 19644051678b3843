import type { PayloadRequest } from 'payload'

import { recordAudit } from '../audit/recordAudit'
import { encryptionKeyring } from '../lib/crypto/keyring'
import { open, seal, sealedKeyId } from '../lib/crypto/seal'
import { SEAL_CONTEXT } from './settings'

type Row = { id: string | number; sealed?: string | null }

/**
 * Key rotation: re-seals every join request not yet under the current key. Writes go straight
 * to the database adapter, so no hook ever sees the plaintext and nothing else changes.
 */
export async function reencryptJoinRequests(req: PayloadRequest): Promise<number> {
  const keyring = encryptionKeyring()
  let changed = 0
  for (let page = 1; ; page++) {
    const result = await req.payload.db.find<Row>({
      collection: 'join-requests',
      limit: 100,
      page,
      pagination: true,
      sort: 'id',
      req,
    })
    for (const row of result.docs) {
      if (!row.sealed || sealedKeyId(row.sealed) === keyring.currentId) continue
      const sealed = seal(open(row.sealed, SEAL_CONTEXT, keyring), SEAL_CONTEXT, keyring)
      await req.payload.db.updateOne({
        collection: 'join-requests',
        id: row.id,
        data: { sealed },
        req,
      })
      changed++
    }
    if (!result.hasNextPage) break
  }
  if (changed > 0)
    await recordAudit(req, {
      action: 'encryption.rotate',
      targetCollection: 'join-requests',
      targetId: '*',
      summary: `${changed} join requests re-encrypted with key "${keyring.currentId}"`,
      details: { count: changed, keyId: keyring.currentId },
    })
  return changed
}
