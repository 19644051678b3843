import { Webhook } from 'standardwebhooks'

export type SignedHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * Standard Webhooks headers for one attempt. The id stays the same across retries (receivers
 * de-duplicate on it); the timestamp is the attempt's, since receivers reject stale ones. During a
 * rotation every current secret signs, space-separated, so receivers holding either one verify.
 */
export function signDelivery(
  webhookId: string,
  body: string,
  secrets: string[],
  at: Date = new Date(),
): SignedHeaders {
  if (secrets.length === 0) throw new Error('A signed delivery needs at least one secret.')
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(webhookId, at, body)).join(' '),
  }
}
