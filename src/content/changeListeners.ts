import { recordWebhookChange } from '../webhooks/recordChange'
import { invalidateOnChange } from '../graphql/cache/invalidateOnChange'
import { recordContentAudit } from '../audit/recordContentAudit'
import type { ContentChangeListener } from './changes'

/**
 * Everything that reacts to a change of public content, in order. Each listener runs inside the
 * content save's transaction, so a listener that writes (the webhook outbox) commits or rolls
 * back with the content itself.
 */
export const changeListeners: ContentChangeListener[] = [
  recordWebhookChange,
  invalidateOnChange,
  recordContentAudit,
]
