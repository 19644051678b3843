import type { Field, FieldAccess } from 'payload'

import { isReviewer } from './roles'

/**
 * Create/update access for the fields an approval records (reviewer and review dates). The admin
 * builds its field permissions without the incoming data, and there the answer is the role: an
 * editor sees the fields read-only instead of finding out on save. A real save does carry the
 * incoming data; there the field is let through so protectReviewRecord can refuse an editor's
 * change with a message that names the field (Payload would otherwise drop the change silently,
 * and it runs before that hook, after the stale-form check it must not overtake).
 */
export const reviewRecordAccess: FieldAccess = ({ req, siblingData }) =>
  isReviewer(req.user) || siblingData !== undefined

/** The field with reviewRecordAccess for create and update; reads stay as they were. */
export function reviewerOnly<F extends Field>(field: F): F {
  if (!('name' in field)) return field
  const access = ('access' in field ? field.access : undefined) ?? {}
  return {
    ...field,
    access: { ...access, create: reviewRecordAccess, update: reviewRecordAccess },
  } as F
}
