import crypto from 'node:crypto'

export type PreviewClaims = { collection: string; id: string; exp: number }

/** Longest a preview link may live: it exposes unpublished text to whoever holds it. */
export const MAX_PREVIEW_TTL_SECONDS = 60 * 60

// A key of its own, derived from PAYLOAD_SECRET, so a preview signature can never double as a
// session token or anything else signed with the secret.
const keyFor = (secret: string) =>
  crypto.createHmac('sha256', secret).update('haven:preview-token:v1').digest()

const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', keyFor(secret)).update(body).digest('base64url')

/**
 * Mints a short-lived token that lets its holder read the latest draft of one document through
 * the public API. Call it only for an authenticated editor (e.g. from an admin preview button).
 */
export function signPreviewToken(
  secret: string,
  target: { collection: string; id: string | number },
  ttlSeconds = 10 * 60,
  now = Date.now(),
): string {
  const ttl = Math.min(Math.max(1, Math.floor(ttlSeconds)), MAX_PREVIEW_TTL_SECONDS)
  const claims: PreviewClaims = {
    collection: target.collection,
    id: String(target.id),
    exp: Math.floor(now / 1000) + ttl,
  }
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

/** The claims of a genuine, unexpired token; null for anything else. */
export function verifyPreviewToken(
  secret: string,
  token: string,
  now = Date.now(),
): PreviewClaims | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PreviewClaims
    if (typeof claims.collection !== 'string' || typeof claims.id !== 'string') return null
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null
    return claims
  } catch {
    return null
  }
}
