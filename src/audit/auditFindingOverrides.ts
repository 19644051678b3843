import type { CollectionAfterChangeHook } from 'payload'

import { findingKey, type StoredFinding } from '../checks'
import { recordAudit } from './recordAudit'

/**
 * Records each new override of a content-check finding: which check, which field, the reason and
 * (through the entry's actor) the reviewer. The matched text is left out: it is the personal
 * data the finding is about.
 */
export const auditFindingOverrides: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const before = new Map<string, StoredFinding>()
  for (const f of (previousDoc?.findings ?? []) as StoredFinding[]) before.set(findingKey(f), f)
  for (const f of (doc.findings ?? []) as StoredFinding[]) {
    if (!f.overrideReason || !f.overriddenAt) continue
    if (before.get(findingKey(f))?.overriddenAt === f.overriddenAt) continue
    await recordAudit(req, {
      action: 'finding.override',
      targetCollection: collection.slug,
      targetId: doc.id,
      summary: `Override of a ${f.check} finding in ${f.field}: ${f.overrideReason}`,
      details: { check: f.check, field: f.field, reason: f.overrideReason },
    })
  }
  return doc
}
