import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { emailKey, minutes, namedLimiter, tooManyRequests } from '../../../src/auth/limiters'
import { forgotPasswordPerAccount, forgotPasswordPerClient } from '../../../src/auth/settings'
import { clientIpFromHeaders } from '../../../src/lib/clientIp'
import { requestFlags, setFlag } from '../../../src/lib/requestFlags'
import { FORGOT_PASSWORD_ENDPOINT } from '../hooks/throttleAuthOperations'

/**
 * POST /api/users/forgot-password, in place of Payload's own: the answer is the same, and sent
 * before the account is even looked up, so neither its words nor its timing say whether the
 * email has an account. The reset (token, email) happens after the answer.
 *
 * Reset emails are spaced per account (HAVEN_FORGOT_PASSWORD_PER_ACCOUNT, 3 an hour), counted in
 * the same store as the other limits (Redis when REDIS_URL is set), for every email asked about,
 * account or not. Past the spacing the answer is unchanged and no reset runs: a refusal would
 * tell a stranger that the address had been asked about, and so perhaps that it has an account.
 */
const RESET_DELAY_MS = 250

export const forgotPassword: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = typeof req.data?.email === 'string' ? req.data.email.trim() : ''
    if (!email)
      return Response.json({ errors: [{ message: 'Enter your email address.' }] }, { status: 400 })
    const decision = await namedLimiter(
      'forgot-password',
      forgotPasswordPerClient(),
      60 * 60,
    ).consume(clientIpFromHeaders(req.headers))
    if (!decision.allowed)
      return tooManyRequests(
        `Too many password reset requests from this connection. Try again in ${minutes(decision.retryAfterSeconds)}.`,
        decision.retryAfterSeconds,
      )
    const spacing = await namedLimiter(
      'forgot-password-account',
      forgotPasswordPerAccount(),
      60 * 60,
    ).consume(emailKey(email))
    if (!spacing.allowed) {
      // No email, no id: which account is being flooded is nobody's business in the logs.
      req.payload.logger.info('Password reset not sent: this account had its hourly resets')
      return Response.json({ message: req.t('general:success') })
    }
    setFlag(req, FORGOT_PASSWORD_ENDPOINT, true)
    // A request of its own (no `req`): this one is answered, and its transaction ended, before
    // the reset runs, so reusing it would leave the reset's writes in a transaction nobody commits.
    // Started a moment after the answer has gone: begun at once, the reset's work for a real
    // account (a write, an email) overlapped the end of this request (the route's own commit)
    // and slowed its answer by tens of milliseconds more than for an unknown email.
    setTimeout(() => {
      req.payload
        .forgotPassword({
          collection: 'users',
          data: { email },
          context: requestFlags({ [FORGOT_PASSWORD_ENDPOINT]: true }),
        })
        .catch((error: unknown) =>
          // The logger's error serializer drops quoted values (the email) from the message.
          req.payload.logger.error({ err: error }, 'A password reset request failed'),
        )
    }, RESET_DELAY_MS)
    return Response.json({ message: req.t('general:success') })
  },
}
