import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '../../../src/payload-types'
import { readFlag } from '../../../src/lib/requestFlags'

import { asValidationError } from '../../../src/review'
import { contentFingerprint } from '../../../src/review'
import { isLive } from '../../../src/lib/isLive'
import { isScheduledPublishRunning } from '../../../src/review'
import { nextReviewState, type Actor } from '../../../src/review'
import { openPrivacyFindings } from '../../../src/review'
import { ReviewRefusal, type ReviewState } from '../../../src/review'
import { idOf } from '../../../src/lib/ids'

const PERSONAL_DATA =
  'Personal data was found in the text (see Content check findings). Remove it, or override each finding with a reason, before approving.'

/**
 * Applies the review workflow to every save (see src/review/nextReviewState.ts). Runs after the
 * content checks, so an approval can be refused while personal data is still unresolved.
 */
export const enforceReviewWorkflow: CollectionBeforeChangeHook<Article> = async (args) => {
  const { data, originalDoc, operation, req } = args
  if (readFlag(req, 'skipReviewWorkflow')) return data
  const id = operation === 'update' ? originalDoc?.id : undefined
  const before = (originalDoc?.review ?? {}) as ReviewState
  // Reverting to the live version republishes what was approved; its review record stays.
  if (id !== undefined && String(readFlag(req, 'havenRevert') ?? '') === String(id))
    return { ...data, review: before }
  const actor = req.user as Actor
  const publishing = data._status === 'published'
  const now = new Date().toISOString()
  // The author is public and covered by approval, so it is settled before the fingerprint.
  // Imported text has an attribution instead of an author; nobody becomes its author by saving.
  const imported = (data.attribution ?? originalDoc?.attribution) === 'imported'
  const author = data.author ?? originalDoc?.author ?? (imported ? null : (actor?.id ?? null))
  const authorId = idOf(author)
  return asValidationError(async () => {
    const review = nextReviewState({
      before,
      requested: (data.review as ReviewState | undefined)?.status,
      fingerprint: await contentFingerprint({ data: { ...data, author }, id, req }),
      actor,
      authorId,
      live: await isLive(req, 'articles', id),
      publishing,
      enforceWithoutUser: publishing && !actor && (await isScheduledPublishRunning(req, id)),
      now,
    })
    const approvedNow = review.approvedAt === now
    if (approvedNow && openPrivacyFindings(data.findings).length > 0)
      throw new ReviewRefusal(PERSONAL_DATA)
    return {
      ...data,
      author,
      review: { ...review, note: (data.review as ReviewState | undefined)?.note ?? before.note },
      ...(approvedNow ? { lastReviewedAt: now, reviewer: review.approvedBy ?? data.reviewer } : {}),
    }
  })
}
