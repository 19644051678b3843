import crypto from 'node:crypto'

import type { RateDecision } from '../graphql/guards/rateLimit'
import { emailKey, namedLimiter, strictest } from './limiters'
import { loginFailuresPerAccount, loginFailuresPerClient, loginWindowSeconds } from './settings'

const accountKey = (ip: string, email: string) => `${ip}|${emailKey(email)}`

const perAccount = () =>
  namedLimiter('login-account', loginFailuresPerAccount(), loginWindowSeconds())
const perClient = () => namedLimiter('login-client', loginFailuresPerClient(), loginWindowSeconds())

/**
 * Spends one sign-in attempt of this client on this account and of this client overall. The
 * account holder elsewhere is untouched: budgets are per client, never per account alone, so a
 * stranger's wrong passwords cannot lock anyone out. Successful sign-ins give theirs back
 * (forgiveLoginAttempt), so in effect only failures count.
 */
export async function takeLoginAttempt(ip: string, email: string): Promise<RateDecision> {
  return strictest([
    await perAccount().consume(accountKey(ip, email)),
    await perClient().consume(ip),
  ])
}

export async function forgiveLoginAttempt(ip: string, email: string): Promise<void> {
  await perAccount().reward(accountKey(ip, email))
  await perClient().reward(ip)
}

// Payload 3.90's password hash: PBKDF2-SHA256, 600,000 iterations, 32 bytes, 32-byte hex salt.
const ITERATIONS = 600_000
const KEY_LENGTH = 32
const dummySalt = crypto.randomBytes(32).toString('hex')

/**
 * The work of checking a password against a stored hash, spent for an email with no account, so
 * "no such account" takes as long as "wrong password" and the answer time tells nothing.
 */
export function burnPasswordCheck(password: unknown): Promise<void> {
  return new Promise((resolve) => {
    crypto.pbkdf2(String(password ?? ''), dummySalt, ITERATIONS, KEY_LENGTH, 'sha256', () =>
      resolve(),
    )
  })
}
