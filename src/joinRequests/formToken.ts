import crypto from 'node:crypto'

import { JoinRequestError } from './errors'
import { FORM_TOKEN_MAX_AGE_SECONDS, minimumFillSeconds } from './settings'

const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', secret).update(`join-form|${body}`).digest('base64url')

/**
 * A token stamped with when the form was shown, for this group, with a random id (so two forms
 * shown in the same millisecond can each be spent once), signed with the server secret.
 */
export function issueFormToken(secret: string, group: string, now = new Date()): string {
  const nonce = crypto.randomBytes(12).toString('base64url')
  const body = `${now.getTime()}.${Buffer.from(group).toString('base64url')}.${nonce}`
  return `${body}.${sign(secret, body)}`
}

export type CheckedFormToken = { id: string; expiresAt: Date }

/**
 * Refuses tokens that are forged, for another group, stale, or sent back sooner than a person
 * could fill the form in: the "minimum fill time" that stops most bots, with no third party.
 */
export function checkFormToken(
  secret: string,
  token: string,
  group: string,
  now = new Date(),
): CheckedFormToken {
  const [issued, groupPart, nonce, mac] = token.split('.')
  const body = `${issued}.${groupPart}.${nonce}`
  const expected = sign(secret, body)
  const valid =
    mac !== undefined &&
    mac.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected)) &&
    Buffer.from(groupPart, 'base64url').toString() === group
  if (!valid)
    throw new JoinRequestError(
      'BAD_USER_INPUT',
      'The form token is missing or invalid. Reload the form and try again.',
    )
  const ageSeconds = (now.getTime() - Number(issued)) / 1000
  if (ageSeconds > FORM_TOKEN_MAX_AGE_SECONDS)
    throw new JoinRequestError('BAD_USER_INPUT', 'The form has expired. Reload it and try again.')
  if (ageSeconds < minimumFillSeconds())
    throw new JoinRequestError(
      'BAD_USER_INPUT',
      'The form was sent too quickly. Please check your details and send it again.',
    )
  return {
    id: mac,
    expiresAt: new Date(Number(issued) + FORM_TOKEN_MAX_AGE_SECONDS * 1000),
  }
}
