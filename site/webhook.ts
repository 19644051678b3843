import { Webhook, WebhookVerificationError } from 'standardwebhooks'

/** One changed item as Haven's webhook body names it: where it lives, never what it says. */
export type Change = {
  collection: string
  id: string
  slug?: string
  locale?: string
  operation: 'publish' | 'unpublish' | 'update' | 'delete'
}

/** Cache tags a change touches: the item itself, and every list that may show it. */
export function tagsFor(change: Change): string[] | 'all' {
  switch (change.collection) {
    case 'articles':
      return [`articles:${change.id}`, 'list:articles']
    case 'topics':
      return [`topics:${change.id}`, 'list:topics']
    case 'support-groups':
      return [`support-groups:${change.id}`, 'list:support-groups']
    case 'media':
      return [`media:${change.id}`]
    case 'crisis-resources':
      return ['crisis']
    default:
      // A source this site does not know yet: refreshing everything is the safe answer.
      return 'all'
  }
}

const SEEN_LIMIT = 10_000
const SEEN_FOR_MS = 24 * 60 * 60_000

/**
 * Verifies Haven's Standard Webhooks deliveries and remembers their ids. Several secrets may be
 * configured (space- or comma-separated) so the site keeps working while an endpoint's secret
 * is rotated in Haven's admin.
 */
export function createWebhookReceiver(secrets: string[]) {
  const verifiers = secrets.map((s) => new Webhook(s))
  const seen = new Map<string, number>()

  function remember(id: string) {
    const now = Date.now()
    for (const [key, until] of seen) {
      if (until > now && seen.size < SEEN_LIMIT) break
      seen.delete(key)
    }
    seen.set(id, now + SEEN_FOR_MS)
  }

  return {
    enabled: verifiers.length > 0,
    /**
     * Checks one delivery. Returns the changes to apply, or the refusal to answer with. Replays
     * of an id already applied answer 200 without refreshing: Haven retries a delivery whose
     * answer it never saw under the same id, and a 2xx is what stops those retries.
     */
    receive(
      body: string,
      headers: Record<string, string | string[] | undefined>,
    ): { status: number; message: string; type?: string; changes?: Change[] } {
      const pick = (name: string) => {
        const v = headers[name]
        return Array.isArray(v) ? v[0] : v
      }
      const id = pick('webhook-id')
      const timestamp = pick('webhook-timestamp')
      const signature = pick('webhook-signature')
      if (!id || !timestamp || !signature) {
        return {
          status: 400,
          message: 'Missing webhook-id, webhook-timestamp or webhook-signature header.',
        }
      }
      const signed = {
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': signature,
      }
      let event: unknown = undefined
      let reason = 'No webhook secret is configured.'
      for (const verifier of verifiers) {
        try {
          event = verifier.verify(body, signed)
          break
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) {
            return { status: 400, message: 'The webhook body is not JSON.' }
          }
          reason = error.message
        }
      }
      if (event === undefined) return { status: 401, message: `Refused: ${reason}.` }
      if (seen.has(id)) return { status: 200, message: 'Already applied.' }
      remember(id)
      const { type, data } = (event ?? {}) as { type?: string; data?: { changes?: unknown } }
      const changes = Array.isArray(data?.changes) ? (data.changes as Change[]) : []
      return { status: 200, message: 'Applied.', type: String(type ?? ''), changes }
    },
  }
}
