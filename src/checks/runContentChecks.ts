import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../access/roles'
import { articleChecks, supportGroupChecks } from './index'
import { findingKey, type StoredFinding } from './types'

/**
 * Runs the content checks on every save, keeps reviewers' overrides for findings that are still
 * present, and refuses to publish while a finding is open. The live version is untouched when
 * publishing is refused, because the whole save fails.
 */
export const runContentChecks: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  if (req.context?.skipContentChecks) return data
  const slug = collection.slug as 'articles' | 'support-groups'
  const checks = slug === 'articles' ? articleChecks : supportGroupChecks
  const doc = { ...(originalDoc ?? {}), ...data }
  // One after another: checks that query the database share this save's transaction, and a
  // PostgreSQL connection runs one query at a time.
  const found = []
  for (const check of checks)
    found.push(...(await check({ collection: slug, doc, id: originalDoc?.id, req })))

  const previous = new Map<string, StoredFinding>()
  for (const f of (data.findings ?? originalDoc?.findings ?? []) as StoredFinding[])
    previous.set(findingKey(f), f)

  const canOverride = hasRole(req.user, 'admin', 'reviewer')
  const now = new Date().toISOString()
  const findings: StoredFinding[] = found.map((f) => {
    const before = previous.get(findingKey(f))
    const reason = before?.overrideReason?.trim()
    if (!reason) return { ...f, overrideReason: null, overriddenBy: null, overriddenAt: null }
    const stored = (originalDoc?.findings as StoredFinding[] | undefined)?.find(
      (o) => findingKey(o) === findingKey(f),
    )
    if (stored?.overrideReason === reason)
      return {
        ...f,
        overrideReason: reason,
        overriddenBy: stored.overriddenBy,
        overriddenAt: stored.overriddenAt,
      }
    // A new override: only reviewers may record one (field access enforces this in the admin too).
    if (!canOverride) return { ...f, overrideReason: null, overriddenBy: null, overriddenAt: null }
    return { ...f, overrideReason: reason, overriddenBy: req.user?.id ?? null, overriddenAt: now }
  })
  const next = { ...data, findings }

  const open = findings.filter((f) => !f.overrideReason)
  if (data._status === 'published' && open.length > 0) {
    throw new ValidationError({
      collection: slug,
      errors: open.map((f) => ({
        path: f.field,
        message: `${f.message} (“${f.match}”). Fix it, or ask a reviewer to override it with a reason.`,
      })),
    })
  }
  return next
}
