import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { contentFingerprint } from '../../../src/review/contentFingerprint'
import { isScheduledPublishRunning } from '../../../src/review/isScheduledPublishRunning'
import { nextReviewState, type Actor } from '../../../src/review/nextReviewState'
import { openPrivacyFindings } from '../../../src/review/openPrivacyFindings'
import { refId, ReviewRefusal, type ReviewState } from '../../../src/review/types'

/**
 * Applies the review workflow to every save (see src/review/nextReviewState.ts). Runs after the
 * content checks, so an approval can be refused while personal data is still unresolved.
 */
export const enforceReviewWorkflow: CollectionBeforeChangeHook = async (args) => {
  const { collection, data, originalDoc, operation, req } = args
  if (req.context?.skipReviewWorkflow) return data
  const id = operation === 'update' ? originalDoc?.id : undefined
  const before = (originalDoc?.review ?? {}) as ReviewState
  const requested = (data.review as ReviewState | undefined)?.status
  const actor = req.user as Actor
  const author = refId(data.author ?? originalDoc?.author) ?? (actor ? String(actor.id) : null)
  const publishing = data._status === 'published'
  const stored = id
    ? await req.payload.db.findOne({ collection: 'articles', req, where: { id: { equals: id } } })
    : null
  const now = new Date().toISOString()
  try {
    const review = nextReviewState({
      before,
      requested,
      fingerprint: await contentFingerprint({ data, id, req }),
      actor,
      authorId: author,
      live: (stored as { _status?: string } | null)?._status === 'published',
      publishing,
      enforceWithoutUser: publishing && !actor && (await isScheduledPublishRunning(req, id)),
      now,
    })
    const approvedNow = review.approvedAt === now
    if (approvedNow && openPrivacyFindings(data.findings).length > 0)
      throw new ReviewRefusal(
        'Personal data was found in the text (see Content check findings). Remove it, or override each finding with a reason, before approving.',
      )
    return {
      ...data,
      author: data.author ?? originalDoc?.author ?? actor?.id ?? null,
      review: { ...review, note: (data.review as ReviewState | undefined)?.note ?? before.note },
      ...(approvedNow ? { lastReviewedAt: now, reviewer: review.approvedBy ?? data.reviewer } : {}),
    }
  } catch (err) {
    if (!(err instanceof ReviewRefusal)) throw err
    throw new ValidationError({
      collection: collection.slug,
      // The label lands in the error's headline, so toasts, API clients and job logs say why.
      errors: [{ path: err.path, label: `Clinical review: ${err.message}`, message: err.message }],
    })
  }
}
