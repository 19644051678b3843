import type { ContentChange } from '../contentChanges/types'

/** Collections (and the crisis-helplines global) an endpoint can subscribe to. */
export const WEBHOOK_SOURCES = [
  { label: 'Articles', value: 'articles' },
  { label: 'Topics', value: 'topics' },
  { label: 'Support groups', value: 'support-groups' },
  { label: 'Media', value: 'media' },
  { label: 'Crisis resources (helplines)', value: 'crisis-resources' },
] as const

export const WEBHOOK_OPERATIONS = [
  { label: 'Publish', value: 'publish' },
  { label: 'Unpublish', value: 'unpublish' },
  { label: 'Update of published content', value: 'update' },
  { label: 'Delete', value: 'delete' },
] as const

export type WebhookOperation = ContentChange['operation']

/** What a webhook body says about one changed item: where it lives, never what it contains. */
export type WebhookChange = {
  collection: string
  id: string
  slug?: string
  locale?: string
  operation: WebhookOperation
}

export const TEST_EVENT = 'webhook.test'
export const REBUILD_EVENT = 'build.requested'

const PAST_TENSE: Record<WebhookOperation, string> = {
  publish: 'published',
  unpublish: 'unpublished',
  update: 'updated',
  delete: 'deleted',
}

/** `content.published` when every change is a publish, `content.changed` for a mix. */
export function eventTypeFor(changes: WebhookChange[]): string {
  const operations = new Set(changes.map((c) => c.operation))
  if (operations.size !== 1) return 'content.changed'
  return `content.${PAST_TENSE[[...operations][0]]}`
}

/**
 * Copies only the whitelisted keys, so nothing a listener or a later refactor attaches to a
 * ContentChange (a title, a body, a private field) can ride along into a webhook body.
 */
export function toWebhookChange(change: ContentChange): WebhookChange {
  const out: WebhookChange = {
    collection: change.collection,
    id: String(change.id),
    operation: change.operation,
  }
  if (change.slug) out.slug = String(change.slug)
  if (change.locale) out.locale = String(change.locale)
  return out
}

// A later operation replaces an earlier one for the same item, except that an update never hides
// the publish (or delete) it follows: a frontend must still learn the page is new.
function combine(earlier: WebhookOperation, later: WebhookOperation): WebhookOperation {
  return later === 'update' ? earlier : later
}

/** One entry per item and locale, in the order items first changed. */
export function mergeChanges(changes: WebhookChange[]): WebhookChange[] {
  const byItem = new Map<string, WebhookChange>()
  for (const change of changes) {
    const key = `${change.collection}\u0000${change.id}\u0000${change.locale ?? ''}`
    const seen = byItem.get(key)
    byItem.set(
      key,
      seen ? { ...change, operation: combine(seen.operation, change.operation) } : { ...change },
    )
  }
  return [...byItem.values()]
}

type Subscription = { source?: string | null; operations?: string[] | null }

/** Whether an endpoint's subscriptions include this change. */
export function isSubscribed(
  subscriptions: Subscription[] | null | undefined,
  change: WebhookChange,
) {
  return (subscriptions ?? []).some(
    (s) => s.source === change.collection && (s.operations ?? []).includes(change.operation),
  )
}
