import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import type { SupportGroup } from '../../../src/payload-types'

import { isReviewerOnly } from '../../../src/access/reviewersMayOverride'

const IGNORED = new Set(['id', 'createdAt', 'updatedAt', '_status', 'findings'])

const MESSAGE =
  'Reviewers can only record override reasons on findings. Ask the group’s coordinator to change anything else.'

// The admin form sends every field back: ids for relationships, '' or null for empty ones.
function normalize(value: unknown): unknown {
  if (value == null || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalize)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (
      'id' in (value as object) &&
      ('createdAt' in (value as object) || 'updatedAt' in (value as object))
    )
      return String((value as { id: unknown }).id)
    const out: Record<string, unknown> = {}
    for (const [k, v] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      const n = normalize(v)
      if (n !== null) out[k] = n
    }
    return Object.keys(out).length === 0 ? null : out
  }
  if (
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value)) &&
    /^\d{4}-\d\d-\d\dT/.test(value)
  )
    return new Date(value).toISOString()
  return String(value)
}

/**
 * Reviewers may save a support group only to override its findings (the content checks keep
 * each reason and record who and when). Any other change, and publishing, is refused.
 */
export const limitReviewersToOverrides: CollectionBeforeChangeHook<SupportGroup> = ({
  data,
  originalDoc,
  req,
}) => {
  if (!isReviewerOnly(req.user)) return data
  const saving = data as Record<string, unknown>
  const stored = (originalDoc ?? {}) as Record<string, unknown>
  const changed = Object.keys(saving).filter(
    (key) =>
      !IGNORED.has(key) &&
      JSON.stringify(normalize(saving[key])) !== JSON.stringify(normalize(stored[key])),
  )
  if (data._status !== 'draft') changed.push('_status')
  if (changed.length === 0) return data
  throw new ValidationError({
    collection: 'support-groups',
    errors: changed.map((path) => {
      const message =
        path === '_status'
          ? 'Reviewers save overrides as a draft; the group’s coordinator publishes.'
          : MESSAGE
      return { path, label: message, message }
    }),
  })
}
