import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { readFlag } from '../lib/requestFlags'

import { isReviewer } from '../access/roles'
import { articleChecks, supportGroupChecks } from './registry'
import { findingKey, type StoredFinding } from './types'

const fieldLabel = (path: string) => {
  const name =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

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
  if (readFlag(req, 'skipContentChecks')) return data
  const slug = collection.slug as 'articles' | 'support-groups'
  const checks = slug === 'articles' ? articleChecks : supportGroupChecks
  const doc = { ...(originalDoc ?? {}), ...data }
  // One after another: checks that query the database share this save's transaction, and a
  // PostgreSQL connection runs one query at a time.
  const found = []
  for (const check of checks)
    found.push(...(await check({ collection: slug, doc, id: originalDoc?.id, req })))

  const canOverride = isReviewer(req.user)
  const storedFindings = (originalDoc?.findings ?? []) as StoredFinding[]
  // Only a reviewer's form can change an override. Anyone else's form (an editor's tab opened
  // before the reviewer acted) carries stale rows, so their overrides come from the stored doc.
  const previous = new Map<string, StoredFinding>()
  const sent = canOverride && Array.isArray(data.findings) ? data.findings : storedFindings
  for (const f of sent as StoredFinding[]) previous.set(findingKey(f), f)
  const storedByKey = new Map(storedFindings.map((f) => [findingKey(f), f]))

  const now = new Date().toISOString()
  const findings: StoredFinding[] = found.map((hit) => {
    // A finding that was already there keeps its row id, so the admin form matches its rows to
    // the saved ones after an autosave instead of adding new, empty rows each time.
    const f = { ...hit, id: storedByKey.get(findingKey(hit))?.id }
    const before = previous.get(findingKey(f))
    const reason = before?.overrideReason?.trim()
    if (!reason) return { ...f, overrideReason: null, overriddenBy: null, overriddenAt: null }
    const stored = storedByKey.get(findingKey(f))
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
    // One error per field, labelled with the reason itself, so the admin's toast and the field
    // both say what is wrong ("invalid: description" told a coordinator nothing).
    const byField = new Map<string, string[]>()
    for (const f of open)
      byField.set(f.field, [...(byField.get(f.field) ?? []), `${f.message} (“${f.match}”)`])
    throw new ValidationError({
      collection: slug,
      errors: [...byField].map(([path, reasons]) => {
        const message = `${reasons.join('; ')}. Fix it, or ask a reviewer to override it with a reason.`
        return { path, label: `${fieldLabel(path)}: ${message}`, message }
      }),
    })
  }
  return next
}
