import type { TaskConfig } from 'payload'

import { pruneDeliveries } from './pruneDeliveries'
import { resealWebhookSecrets } from './resealWebhookSecrets'

/**
 * Webhook housekeeping on Payload's jobs queue. Delivery itself runs in the worker loop
 * (src/webhooks/worker.ts), which needs second-level timing the cron-driven queue does not give.
 */
export const webhookTasks = (queue: string): TaskConfig[] => [
  {
    slug: 'resealWebhookSecrets',
    retries: 3,
    outputSchema: [{ name: 'resealed', type: 'number' }],
    schedule: [{ cron: '0 52 3 * * *', queue }],
    handler: async ({ req }) => ({ output: { resealed: await resealWebhookSecrets(req) } }),
  },
  {
    slug: 'pruneWebhookDeliveries',
    retries: 3,
    outputSchema: [{ name: 'deleted', type: 'number' }],
    schedule: [{ cron: '0 7 4 * * *', queue }],
    handler: async ({ req }) => ({ output: { deleted: await pruneDeliveries(req) } }),
  },
]
