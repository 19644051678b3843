import type { WebhookChange } from './events'
import { signingSecrets } from './secrets'
import { signDelivery } from './sign'

export const USER_AGENT = 'Haven-Webhooks/1.0'

export type EndpointForDelivery = {
  id: string | number
  mode?: string | null
  headers?: { name: string; value: string }[] | null
  secretCiphertext?: string | null
  previousSecretCiphertext?: string | null
  previousSecretExpiresAt?: string | null
}

export type DeliveryForRequest = {
  webhookId: string
  eventType?: string | null
  eventAt?: string | null
  changes?: unknown
}

/** The JSON body: event type, time and the changed items' coordinates, nothing more. */
export function eventBody(delivery: DeliveryForRequest): string {
  return JSON.stringify({
    type: delivery.eventType,
    timestamp: delivery.eventAt,
    data: { changes: (delivery.changes ?? []) as WebhookChange[] },
  })
}

/**
 * Headers and body for one attempt. Build hooks get a bare POST (what Netlify, Vercel and
 * Cloudflare Pages deploy hooks expect); signed endpoints get the Standard Webhooks headers,
 * re-signed per attempt because the timestamp is part of what is signed.
 */
export function requestFor(
  endpoint: EndpointForDelivery,
  delivery: DeliveryForRequest,
): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = {}
  for (const { name, value } of endpoint.headers ?? []) headers[name.toLowerCase()] = value
  headers['user-agent'] = USER_AGENT
  if (endpoint.mode === 'build-hook') return { headers, body: '' }
  const body = eventBody(delivery)
  const signed = signDelivery(delivery.webhookId, body, signingSecrets(endpoint))
  return { headers: { ...headers, 'content-type': 'application/json', ...signed }, body }
}
