import type { Payload } from 'payload'

import { decryptSecret, encryptSecret, generateSigningSecret } from './secretBox'

type SealedEndpoint = {
  id: string | number
  secretCiphertext?: string | null
  previousSecretCiphertext?: string | null
  previousSecretExpiresAt?: string | null
}

/** How long the old secret keeps signing after a rotation: HAVEN_WEBHOOK_ROTATION_HOURS, default 24. */
export function rotationOverlapMs(): number {
  const hours = Number(process.env.HAVEN_WEBHOOK_ROTATION_HOURS ?? '24')
  return (Number.isFinite(hours) && hours >= 0 ? hours : 24) * 60 * 60 * 1000
}

/** The secrets that sign a delivery right now: the current one, plus the previous during overlap. */
export function signingSecrets(endpoint: SealedEndpoint, now = new Date()): string[] {
  if (!endpoint.secretCiphertext) throw new Error('This endpoint has no signing secret; rotate it.')
  const secrets = [decryptSecret(endpoint.secretCiphertext)]
  const overlapEnds = endpoint.previousSecretExpiresAt
    ? Date.parse(endpoint.previousSecretExpiresAt)
    : 0
  if (endpoint.previousSecretCiphertext && overlapEnds > now.getTime()) {
    // An old secret sealed under a since-changed key cannot sign; the current one still does.
    try {
      secrets.push(decryptSecret(endpoint.previousSecretCiphertext))
    } catch {
      // (see above)
    }
  }
  return secrets
}

async function loadSealed(payload: Payload, id: string | number): Promise<SealedEndpoint | null> {
  return (await payload.db.findOne({
    collection: 'webhook-endpoints',
    where: { id: { equals: id } },
  })) as SealedEndpoint | null
}

export type SecretResult = { secret: string } | { error: string; status: 404 | 409 }

/**
 * Returns the secret issued at creation, exactly once: the flag flips in the same conditional
 * update, so two concurrent requests cannot both receive it.
 */
export async function revealSigningSecret(
  payload: Payload,
  id: string | number,
): Promise<SecretResult> {
  const endpoint = await loadSealed(payload, id)
  if (!endpoint) return { error: 'No such endpoint.', status: 404 }
  const flipped = await payload.db.updateOne({
    collection: 'webhook-endpoints',
    where: { and: [{ id: { equals: id } }, { secretRevealed: { equals: false } }] },
    data: { secretRevealed: true },
  })
  if (!flipped) {
    return { error: 'The secret was already shown once. Rotate it to get a new one.', status: 409 }
  }
  return { secret: signingSecrets({ ...endpoint, previousSecretCiphertext: null })[0] }
}

/**
 * Issues a new secret and returns it (the only time it is shown). The old one keeps signing,
 * alongside the new, for the overlap period so receivers can switch without dropping events.
 */
export async function rotateSigningSecret(
  payload: Payload,
  id: string | number,
  now = new Date(),
): Promise<SecretResult> {
  const endpoint = await loadSealed(payload, id)
  if (!endpoint) return { error: 'No such endpoint.', status: 404 }
  const secret = generateSigningSecret()
  await payload.db.updateOne({
    collection: 'webhook-endpoints',
    id,
    data: {
      secretCiphertext: encryptSecret(secret),
      previousSecretCiphertext: endpoint.secretCiphertext ?? null,
      previousSecretExpiresAt: new Date(now.getTime() + rotationOverlapMs()).toISOString(),
      secretRevealed: true,
    },
  })
  return { secret }
}
