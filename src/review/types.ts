export const REVIEW_STATUSES = ['draft', 'in-review', 'changes-requested', 'approved'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

type Ref = string | number | { id: string | number } | null | undefined

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

export const refId = (ref: Ref): string | null =>
  ref == null ? null : String(typeof ref === 'object' ? ref.id : ref)

/** The id itself, in its stored type (numbers on SQL adapters), from an id or a populated doc. */
export const rawId = (ref: Ref): string | number | null =>
  ref == null ? null : typeof ref === 'object' ? ref.id : ref

/** A save the review workflow refuses, with the field the admin should point at. */
export class ReviewRefusal extends Error {
  constructor(
    message: string,
    readonly path: string = 'review.status',
  ) {
    super(message)
  }
}
