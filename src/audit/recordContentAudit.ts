import type { ContentChangeListener } from '../contentChanges/types'
import { recordAudit } from './recordAudit'

/** Audits every change to what the public sees: publishes, unpublishes, live updates, deletes. */
export const recordContentAudit: ContentChangeListener = async (change, req) => {
  if (change.collection === 'audit-log') return
  await recordAudit(req, {
    action: `content.${change.operation}`,
    targetCollection: change.collection,
    targetId: change.id,
    summary: `${change.operation} ${change.collection} ${change.slug ?? change.id}`,
    details:
      change.locale || change.reason
        ? {
            ...(change.locale ? { locale: change.locale } : {}),
            ...(change.reason ? { reason: change.reason } : {}),
          }
        : undefined,
  })
}
