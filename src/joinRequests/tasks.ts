import type { TaskConfig } from 'payload'

import { deleteExpiredJoinRequests } from './deleteExpiredJoinRequests'
import { reencryptJoinRequests } from './reencryptJoinRequests'

/** The queue for nightly housekeeping; src/jobs.ts runs it. */
export const MAINTENANCE_QUEUE = 'maintenance'

/**
 * Nightly: delete join requests past the retention period, and re-encrypt any still sealed with
 * an older key (so a rotation completes by itself within a day; old keys can then be removed).
 */
export const joinRequestTasks: TaskConfig[] = [
  {
    slug: 'deleteExpiredJoinRequests',
    retries: 3,
    outputSchema: [{ name: 'deleted', type: 'number' }],
    schedule: [{ cron: '0 17 3 * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => ({ output: { deleted: await deleteExpiredJoinRequests(req) } }),
  },
  {
    slug: 'reencryptJoinRequests',
    retries: 3,
    outputSchema: [{ name: 'reencrypted', type: 'number' }],
    schedule: [{ cron: '0 47 3 * * *', queue: MAINTENANCE_QUEUE }],
    handler: async ({ req }) => ({ output: { reencrypted: await reencryptJoinRequests(req) } }),
  },
]
