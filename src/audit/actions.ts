/** Everything the audit log records. One name per action across the collection, code and tests. */
export const AUDIT_ACTIONS = [
  'content.publish',
  'content.unpublish',
  'content.update',
  'content.delete',
  'review.submit',
  'review.approve',
  'review.request-changes',
  'finding.override',
  'group.private-change',
  'join-request.read',
  'join-request.delete',
  'encryption.rotate',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
