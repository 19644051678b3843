import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '../../../src/payload-types'

import { auditReviewTransition } from '../../../src/audit/reviewTransition'

/** Records submissions for review, approvals and requests for changes. */
export const auditReviewChange: CollectionAfterChangeHook<Article> = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  await auditReviewTransition(req, {
    targetCollection: collection.slug,
    targetId: doc.id,
    title: String(doc.title ?? doc.id),
    before: previousDoc?.review,
    after: doc.review,
  })
  return doc
}
