import type { CollectionBeforeChangeHook } from 'payload'
import type { WebhookEndpoint } from '../../../src/payload-types'

import { encryptSecret, generateSigningSecret } from '../../../src/webhooks'

/**
 * Every endpoint gets its own signing secret when it is created, whatever its mode, so switching
 * a build hook to signed delivery later needs no extra step. It is stored encrypted and shown
 * once, through the reveal endpoint.
 */
export const issueSigningSecret: CollectionBeforeChangeHook<WebhookEndpoint> = ({
  data,
  operation,
}) => {
  if (operation !== 'create') return data
  return {
    ...data,
    secretCiphertext: encryptSecret(generateSigningSecret()),
    secretRevealed: false,
    previousSecretCiphertext: null,
    previousSecretExpiresAt: null,
  }
}
