import type { StoredFinding } from '../checks'

/** Privacy findings that are neither fixed nor overridden by a reviewer with a reason. */
export function openPrivacyFindings(findings: unknown): StoredFinding[] {
  if (!Array.isArray(findings)) return []
  return (findings as StoredFinding[]).filter(
    (f) => f.check === 'privacy' && !f.overrideReason?.trim(),
  )
}
