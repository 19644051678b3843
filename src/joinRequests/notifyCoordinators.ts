import type { Payload } from 'payload'

import { retentionDays } from './settings'
import { rawIdsOf } from '../lib/ids'

type Group = { id: string | number; name?: string | null; coordinators?: unknown }

/**
 * Tells the group's coordinators (or the admins, for a group without any) that a request is
 * waiting, through Payload's email adapter. The email carries a link, never the request itself:
 * mailboxes are forwarded, shared and kept for years.
 */
export async function notifyCoordinators(
  payload: Payload,
  group: Group,
  requestId: string | number,
) {
  const ids = rawIdsOf(Array.isArray(group.coordinators) ? group.coordinators : [])
  const where = ids.length > 0 ? { id: { in: ids } } : { roles: { in: ['admin'] } }
  const { docs } = await payload.find({
    collection: 'users',
    where: where as never,
    depth: 0,
    limit: 50,
    overrideAccess: true,
    select: { email: true },
  })
  const to = docs.map((u) => u.email).filter(Boolean)
  if (to.length === 0) return
  const base = (payload.config.serverURL || process.env.HAVEN_PUBLIC_URL || '').replace(/\/$/, '')
  const link = `${base}/admin/collections/join-requests/${requestId}`
  await payload.sendEmail({
    to,
    subject: `New request to join ${group.name ?? 'your group'}`,
    text:
      `Someone has asked to join ${group.name ?? 'your group'}.\n\n` +
      `Sign in to read the request and reply: ${link}\n\n` +
      `For their privacy this email does not include the request. It is deleted automatically ` +
      `after ${retentionDays()} days.`,
  })
}
