import type { CollectionAfterLoginHook } from 'payload'

import { forgiveLoginAttempt } from '../../../src/auth/loginThrottle'
import { clientIpFromHeaders } from '../../../src/lib/clientIp'

/** The account holder got in: their attempt does not count against their connection. */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  if (req.payloadAPI === 'local') return user
  await forgiveLoginAttempt(clientIpFromHeaders(req.headers), String(user.email ?? ''))
  return user
}
