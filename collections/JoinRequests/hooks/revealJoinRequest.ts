import type { CollectionAfterReadHook } from 'payload'
import type { JoinRequest } from '../../../src/payload-types'

import { recordAudit } from '../../../src/audit/recordAudit'
import { mayReadJoinRequest } from '../../../src/joinRequests/canReadJoinRequest'
import { SEAL_CONTEXT } from '../../../src/joinRequests/settings'
import { open } from '../../../src/lib/crypto/seal'

const CONTENT = { name: null, contact: null, message: null }

/**
 * Decrypts a join request for its group's coordinators and admins, one request at a time: lists
 * show no content, so every reading is an opening of one request, and each is audited. Anyone
 * else, and server code without a user, gets the request without its content.
 */
export const revealJoinRequest: CollectionAfterReadHook<JoinRequest> = async ({
  doc,
  req,
  findMany,
}) => {
  const { sealed: _sealed, ...rest } = doc
  if (findMany || !(await mayReadJoinRequest(req, doc.group))) return { ...rest, ...CONTENT }
  const stored = (await req.payload.db.findOne({
    collection: 'join-requests',
    where: { id: { equals: doc.id } },
    req,
  })) as { sealed?: string } | null
  if (!stored?.sealed) return { ...rest, ...CONTENT }
  const content = JSON.parse(open(stored.sealed, SEAL_CONTEXT)) as typeof CONTENT
  await recordAudit(req, {
    action: 'join-request.read',
    targetCollection: 'join-requests',
    targetId: doc.id,
    summary: `Join request ${doc.id} opened`,
  })
  return { ...rest, ...CONTENT, ...content }
}
