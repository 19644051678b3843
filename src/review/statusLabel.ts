const PENDING: Record<string, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
}

const EDIT: Record<string, string> = {
  draft: 'Published, edit in draft',
  'in-review': 'Published, edit in review',
  'changes-requested': 'Published, changes requested',
  approved: 'Published, edit approved',
}

/**
 * Where an article stands, in the words the team uses: the review step of its latest version,
 * and whether a published version is live underneath an edit.
 */
export function statusLabel(args: {
  reviewStatus?: string | null
  /** `_status` of the latest version. */
  latestStatus?: string | null
  /** A published version is live. */
  live: boolean
}): string {
  const review = args.reviewStatus ?? 'draft'
  if (args.latestStatus === 'published') return 'Published'
  if (args.live) return EDIT[review] ?? 'Published'
  return PENDING[review] ?? 'Draft'
}
