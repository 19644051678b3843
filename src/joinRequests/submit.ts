import type { Payload } from 'payload'

import { seal } from '../lib/crypto/seal'
import { JoinRequestError } from './errors'
import { checkFormToken } from './formToken'
import { networkOf } from '../lib/clientIp'
import { notifyCoordinators, notifyCoordinatorsOfHeldRequests } from './notifyCoordinators'
import { joinRateLimits } from './rateLimits'
import { spendFormToken } from './spendFormToken'
import { joinNetworkPrefixes, notTakenOnlineMessage, SEAL_CONTEXT } from './settings'
import { validateJoinRequest, type JoinRequestInput } from './validateJoinRequest'

export type SubmitInput = JoinRequestInput & {
  /** The signed token from the joinRequestForm query (minimum fill time). */
  formToken?: string | null
  /** The honeypot field; people leave it empty because they never see it. */
  website?: string | null
}

export type SubmitContext = {
  /** The client's IP; without one only the API-wide per-IP limit applies. */
  ip?: string | null
  now?: Date
}

export type SubmitResult = { ok: true; message: string }

const ACCEPTED: SubmitResult = {
  ok: true,
  message:
    "Thank you. Your request has been sent to the group's coordinators, who will contact you.",
}

/**
 * Handles a request to join a support group from the public: spam checks, validation, rate
 * limits, then stores the name, contact and message encrypted and tells the coordinators. Past
 * the group's usual budget the request is held for review instead (rateLimits.ts), with the same
 * answer to the person. Throws JoinRequestError with a message for the person; nothing it throws
 * or logs quotes the content.
 */
export async function submitJoinRequest(
  payload: Payload,
  input: SubmitInput,
  { ip, now = new Date() }: SubmitContext = {},
): Promise<SubmitResult> {
  const network = ip ? networkOf(ip, joinNetworkPrefixes()) : null
  if (network) await joinRateLimits.network(network)
  // A filled honeypot is a bot: answer as if it worked so it learns nothing, and keep nothing.
  if (typeof input.website === 'string' && input.website.trim() !== '') return ACCEPTED
  const formToken = checkFormToken(
    payload.secret,
    String(input.formToken ?? ''),
    String(input.group ?? ''),
    now,
  )
  const valid = validateJoinRequest(input)

  const { docs } = await payload.find({
    collection: 'support-groups',
    where: { id: { equals: valid.group } },
    overrideAccess: false,
    depth: 0,
    limit: 1,
    select: { name: true, openToNewMembers: true },
  })
  const group = docs[0]
  if (!group) throw new JoinRequestError('NOT_FOUND', 'Unknown group.')
  if (!group.openToNewMembers)
    throw new JoinRequestError(
      'GROUP_CLOSED',
      'This group is not taking new members at the moment.',
    )
  // Coordinators are read with access overridden: the public caller cannot see them.
  const full = await payload.findByID({
    collection: 'support-groups',
    id: group.id,
    depth: 0,
    overrideAccess: true,
    select: { name: true, coordinators: true },
  })
  // Only coordinators are told of requests; without one a request would reach nobody who acts.
  if (!full.coordinators?.length)
    throw new JoinRequestError('NOT_TAKEN_ONLINE', notTakenOnlineMessage())
  const admission = await joinRateLimits.group(String(group.id), network)
  // Spent last, so a typo the person corrects does not cost them the form.
  await spendFormToken(payload, formToken, now)

  const sealed = seal(
    JSON.stringify({ name: valid.name, contact: valid.contact, message: valid.message }),
    SEAL_CONTEXT,
  )
  const created = await payload.create({
    collection: 'join-requests',
    data: { group: group.id, consent: true, sealed, status: admission.held ? 'held' : 'new' },
    overrideAccess: true,
    depth: 0,
  })

  // Counted once stored, so a held request that failed on the way cannot use up the one email.
  const firstHeld = admission.held && (await joinRateLimits.firstHeld(String(group.id)))
  if (admission.held && !firstHeld) return ACCEPTED
  if (firstHeld)
    payload.logger.info(
      { group: group.id },
      'Join requests held for review: the group had its usual number for this hour',
    )

  try {
    if (admission.held) await notifyCoordinatorsOfHeldRequests(payload, full)
    else await notifyCoordinators(payload, full, created.id)
  } catch (err) {
    // The request is stored and listed in the admin; a mail outage must not lose or repeat it.
    payload.logger.error(
      { err: { name: (err as Error).name }, joinRequest: created.id },
      'Could not email the coordinators about a join request',
    )
  }
  return ACCEPTED
}
