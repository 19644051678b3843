import { ReviewRefusal, type ReviewState, type ReviewStatus } from './types'
import { idOf, rawId } from '../lib/ids'

export type Actor = { id: string | number; roles?: string[] | null } | null | undefined

export type ReviewInput = {
  before: ReviewState
  requested: ReviewStatus | null | undefined
  /** Fingerprint of the content as this save will store it. */
  fingerprint: string
  actor: Actor
  authorId: string | null
  /** The article is live (the published version exists). */
  live: boolean
  /** This save publishes. */
  publishing: boolean
  /** Publishing must be approved even though no user is making the save (a scheduled run). */
  enforceWithoutUser: boolean
  now: string
}

const isReviewer = (actor: Actor) =>
  Boolean(actor?.roles?.some((r) => r === 'reviewer' || r === 'admin'))

/**
 * The review step of one save: draft → in review → approved → published. Whoever wrote the article
 * or last changed its text cannot approve it; approval covers exactly the content approved (its
 * fingerprint), so any later edit needs a new approval before it can go live. Saves made by
 * server code with no user (seeding, imports) are trusted, except a scheduled publish.
 */
export function nextReviewState(input: ReviewInput): ReviewState {
  const { before, actor, fingerprint, now } = input
  const actorId = actor ? String(actor.id) : null
  const previous: ReviewStatus = before.status ?? 'draft'
  let status: ReviewStatus = input.requested ?? previous
  const edited = before.contentFingerprint !== fingerprint
  // Ids keep their stored type (numbers on SQL adapters) so relationship validation accepts them.
  const next: ReviewState = {
    status,
    submittedBy: rawId(before.submittedBy),
    editedBy: edited && actor ? actor.id : rawId(before.editedBy),
    approvedBy: rawId(before.approvedBy),
    approvedAt: before.approvedAt ?? null,
    approvedFingerprint: before.approvedFingerprint ?? null,
    contentFingerprint: fingerprint,
  }

  if (status === 'approved' && previous !== 'approved') {
    if (actor && !isReviewer(actor))
      throw new ReviewRefusal(
        'Only a reviewer can approve an article. Submit it for review instead.',
      )
    if (actor && actorId === input.authorId)
      throw new ReviewRefusal(
        'You are the author of this article, so another reviewer must approve it.',
      )
    if (actor && actorId === idOf(next.editedBy))
      throw new ReviewRefusal(
        'You changed the text of this version, so another reviewer must approve it. Save your edits and submit them for review.',
      )
    Object.assign(next, {
      approvedBy: actor?.id ?? null,
      approvedAt: now,
      approvedFingerprint: fingerprint,
    })
  } else if (status === 'changes-requested' && previous !== status) {
    if (actor && !isReviewer(actor)) throw new ReviewRefusal('Only a reviewer can request changes.')
  } else if (status === 'in-review' && previous !== status) {
    next.submittedBy = actor?.id ?? null
  } else if (status === 'approved' && fingerprint !== before.approvedFingerprint) {
    // Edited after approval: a live article goes back to review; the published version stays.
    status = input.live ? 'in-review' : 'draft'
    next.status = status
    next.submittedBy = input.live ? (actor?.id ?? null) : null
  }

  const mustBeApproved = input.publishing && (Boolean(actor) || input.enforceWithoutUser)
  if (mustBeApproved && (status !== 'approved' || next.approvedFingerprint !== fingerprint)) {
    throw new ReviewRefusal(
      input.live
        ? 'These changes have not been approved. The live version stays as it is until a reviewer approves the changes.'
        : 'Only approved content can be published or scheduled. Submit the article for review; a reviewer other than the author must approve it first.',
    )
  }
  return next
}
