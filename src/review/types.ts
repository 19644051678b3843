export const REVIEW_STATUSES = ['draft', 'in-review', 'changes-requested', 'approved'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

import type { Ref } from '../lib/ids'

/** The review group stored on an article. */
export type ReviewState = {
  status?: ReviewStatus | null
  note?: string | null
  submittedBy?: Ref
  editedBy?: Ref
  approvedBy?: Ref
  approvedAt?: string | null
  approvedFingerprint?: string | null
  contentFingerprint?: string | null
}

/** A save the review workflow refuses, with the field the admin should point at. */
export class ReviewRefusal extends Error {
  constructor(
    message: string,
    readonly path: string = 'review.status',
  ) {
    super(message)
  }
}
