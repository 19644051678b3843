import type { Payload, PayloadRequest } from 'payload'

/** How far ahead the "due for review" list looks. */
export const DUE_WITHIN_DAYS = 30

/**
 * Articles whose next clinical review date has passed or falls within the next 30 days, soonest
 * first (the NHS "next review due" pattern). Read with the viewer's own access.
 */
export async function dueForReview(
  payload: Payload,
  {
    user,
    now = new Date(),
    limit = 100,
  }: { user: PayloadRequest['user']; now?: Date; limit?: number },
) {
  const horizon = new Date(now.getTime() + DUE_WITHIN_DAYS * 24 * 60 * 60 * 1000)
  const { docs } = await payload.find({
    collection: 'articles',
    where: { nextReviewDue: { less_than_equal: horizon.toISOString() } },
    sort: 'nextReviewDue',
    limit,
    depth: 0,
    // The stored document, not the newest draft: the live article is what is due, and a draft's
    // date takes over only once a reviewer's version is published.
    draft: false,
    user,
    overrideAccess: false,
    select: { title: true, slug: true, nextReviewDue: true, lastReviewedAt: true, _status: true },
  })
  return docs
}
