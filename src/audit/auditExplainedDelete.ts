import type { CollectionAfterDeleteHook } from 'payload'
import { readFlag } from '../lib/requestFlags'

import { deleteReasonFor } from '../contentDeletion/reason'
import { recordAudit } from './recordAudit'

/**
 * Audits an explained delete the content-change announcement stays silent on: a draft, or a
 * document that was public once and is not now. A live document's delete is announced, and that
 * audit entry already carries the reason.
 */
export const auditExplainedDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  id,
  req,
}) => {
  const reason = deleteReasonFor(req, id)
  if (!reason) return doc
  const announced = !collection.versions?.drafts || doc?._status === 'published'
  if (announced && !readFlag(req, 'skipContentChange')) return doc
  await recordAudit(req, {
    action: 'content.delete',
    targetCollection: collection.slug,
    targetId: id,
    summary: `delete ${collection.slug} ${doc?.slug ?? id}`,
    details: { reason },
  })
  return doc
}
