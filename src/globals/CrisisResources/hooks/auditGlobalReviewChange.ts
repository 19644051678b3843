import type { GlobalAfterChangeHook } from 'payload'

import { auditReviewTransition } from '../../../audit/reviewTransition'

/** Submissions, approvals and change requests of a reviewed global (the crisis resources). */
export const auditGlobalReviewChange: GlobalAfterChangeHook = async ({
  global,
  doc,
  previousDoc,
  req,
}) => {
  await auditReviewTransition(req, {
    targetCollection: global.slug,
    targetId: global.slug,
    title: String(global.label ?? global.slug),
    before: previousDoc?.review,
    after: doc.review,
  })
  return doc
}
