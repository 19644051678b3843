import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import type { Article } from '../../../src/payload-types'
import { readFlag } from '../../../src/lib/requestFlags'

import { isReviewer } from '../../../src/access/roles'
import { idOf } from '../../../src/lib/ids'
import { SET_BY_APPROVAL } from '../../../src/review'

const LABELS: Record<(typeof SET_BY_APPROVAL)[number], string> = {
  reviewer: 'Reviewer',
  lastReviewedAt: 'Last reviewed',
  nextReviewDue: 'Next review due',
}

const same = (field: (typeof SET_BY_APPROVAL)[number], a: unknown, b: unknown): boolean => {
  const blank = (v: unknown) => v == null || v === ''
  if (blank(a) || blank(b)) return blank(a) && blank(b)
  if (field === 'reviewer') return idOf(a) === idOf(b)
  return Date.parse(String(a)) === Date.parse(String(b))
}

/**
 * The public "reviewed by", "last reviewed" and "next review due" are recorded by an approval
 * (or set by a reviewer or admin). An author or editor who changes them is refused with a clear
 * message rather than silently ignored: the admin form sends these fields unchanged on every
 * save, so only a real change is refused. Server code with no user (seed, import) is trusted.
 */
export const protectReviewRecord: CollectionBeforeValidateHook<Article> = ({
  data,
  originalDoc,
  req,
}) => {
  if (!data || !req.user || isReviewer(req.user)) return data
  // Restoring an older version keeps today's review record: the restored text gets its own
  // review. Every field is put back, also one the old version does not hold at all (MongoDB
  // leaves unset fields out of a stored version, and the restore would then drop them).
  if (readFlag(req, 'isRestoringVersion')) {
    const restored = data as Record<string, unknown>
    for (const field of SET_BY_APPROVAL) restored[field] = originalDoc?.[field] ?? null
    return data
  }
  const changed = SET_BY_APPROVAL.filter(
    (field) => field in data && !same(field, data[field], originalDoc?.[field]),
  )
  if (changed.length === 0) return data
  // The message doubles as the label so the error's headline (toasts, API clients) says why.
  throw new ValidationError({
    collection: 'articles',
    errors: changed.map((field) => {
      const message = `Only a reviewer can change “${LABELS[field]}”: approval records the reviewer and the review dates.`
      return { path: field, label: message, message }
    }),
  })
}
