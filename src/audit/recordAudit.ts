import type { PayloadRequest } from 'payload'

import type { AuditAction } from './actions'

export type AuditEntry = {
  action: AuditAction
  targetCollection: string
  targetId: string | number
  summary?: string
  details?: Record<string, unknown>
}

/**
 * Appends one entry, inside the caller's transaction (through `req`): if the change it records
 * is rolled back, so is the entry. The actor is the request's user; none means server code.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const user = req.user as { id: string | number; displayName?: string; collection?: string } | null
  const isUser = user && (user.collection ?? 'users') === 'users'
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action: entry.action,
      summary: entry.summary,
      actor: isUser ? (user.id as number) : null,
      actorName: isUser ? (user.displayName ?? String(user.id)) : 'system',
      targetCollection: entry.targetCollection,
      targetId: String(entry.targetId),
      details: entry.details ?? null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}
