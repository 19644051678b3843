import type { Payload } from 'payload'

import { heldPerGroup, retentionDays } from './settings'
import { rawIdsOf } from '../lib/ids'

type Group = { id: string | number; name?: string | null; coordinators?: unknown }

// The group's coordinators, or the admins for a group without any.
async function recipients(payload: Payload, group: Group): Promise<string[]> {
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
  return docs.map((u) => u.email).filter(Boolean)
}

const adminUrl = (payload: Payload, path: string) =>
  `${(payload.config.serverURL || process.env.HAVEN_PUBLIC_URL || '').replace(/\/$/, '')}/admin/collections/join-requests${path}`

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
  const to = await recipients(payload, group)
  if (to.length === 0) return
  await payload.sendEmail({
    to,
    subject: `New request to join ${group.name ?? 'your group'}`,
    text:
      `Someone has asked to join ${group.name ?? 'your group'}.\n\n` +
      `Sign in to read the request and reply: ${adminUrl(payload, `/${requestId}`)}\n\n` +
      `For their privacy this email does not include the request. It is deleted automatically ` +
      `after ${retentionDays()} days.`,
  })
}

/**
 * Sent once per hour per group, when its usual budget of requests is spent: from then on the
 * coordinators get no email per request (a flood would bury their inbox), and the requests wait,
 * marked "Held for review", among which there may be real people.
 */
export async function notifyCoordinatorsOfHeldRequests(payload: Payload, group: Group) {
  const to = await recipients(payload, group)
  if (to.length === 0) return
  const name = group.name ?? 'your group'
  const held = adminUrl(payload, `?where[status][equals]=held`)
  await payload.sendEmail({
    to,
    subject: `Unusually many requests to join ${name}: new ones are held for review`,
    text:
      `${name} has received more requests to join in the last hour than usual, from many ` +
      `different connections. This can be an attack on the form, or a sudden wave of interest.\n\n` +
      `Until the hour is over, new requests are stored as "Held for review" and you get no email ` +
      `for each (up to ${heldPerGroup()} an hour; past that the form asks people to try later). ` +
      `Real people may be among them; everyone was told their request was sent.\n\n` +
      `Review them here: ${held}\n\n` +
      `This is the only email about it this hour.`,
  })
}
