import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { TooManyRequests } from '../../../src/auth/TooManyRequests'

import { minutes } from '../../../src/auth/limiters'
import { burnPasswordCheck, takeLoginAttempt } from '../../../src/auth/loginThrottle'
import { clientIpFromHeaders } from '../../../src/lib/clientIp'
import { readFlag, type RequestFlagName } from '../../../src/lib/requestFlags'

/** Set by the forgot-password endpoint, the one way in that answers before doing the work. */
export const FORGOT_PASSWORD_ENDPOINT = 'havenForgotPasswordEndpoint' satisfies RequestFlagName

/**
 * Sign-in through any API (REST, Payload's GraphQL): throttled per (client, account) and per
 * client, and for an email with no account the password check is still paid, so unknown emails
 * and wrong passwords get the same answer in the same time. Password resets go only through the
 * REST endpoint (collections/Users/endpoints/forgotPassword.ts), whose answer never waits on
 * whether the account exists. Server code (the Local API) is trusted and not throttled.
 */
export const throttleAuthOperations: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const local = req.payloadAPI === 'local'
  if (operation === 'forgotPassword' && !local && !readFlag(req, FORGOT_PASSWORD_ENDPOINT)) {
    throw new APIError('Request a password reset with POST /api/users/forgot-password.', 403)
  }
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
  if (!local) {
    const decision = await takeLoginAttempt(clientIpFromHeaders(req.headers), email)
    if (!decision.allowed) {
      req.responseHeaders = new Headers({ 'retry-after': String(decision.retryAfterSeconds) })
      throw new TooManyRequests(
        `Too many failed sign-in attempts from this connection. Try again in ${minutes(decision.retryAfterSeconds)}.`,
      )
    }
  }
  if (email) {
    const { totalDocs } = await req.payload.db.count({
      collection: 'users',
      where: { email: { equals: email } },
      req,
    })
    if (totalDocs === 0) {
      // What Payload does next for a real account and not for an unknown one: read a user row,
      // then hash the password. Doing both here leaves nothing for the clock to tell apart.
      await req.payload.db.findOne({ collection: 'users', where: {}, req })
      await burnPasswordCheck(data.password)
    }
  }
  return args
}
