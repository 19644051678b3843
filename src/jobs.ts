import type { JobsConfig } from 'payload'

import { joinRequestTasks, MAINTENANCE_QUEUE } from './joinRequests/tasks'
import { webhookTasks } from './webhooks'

/** Background tasks, run by Payload's jobs queue inside the server process (see autoRun). */
export const tasks: NonNullable<JobsConfig['tasks']> = [
  ...joinRequestTasks,
  ...webhookTasks(MAINTENANCE_QUEUE),
]

/** Queues the server works through, and how often. */
export const autoRun: NonNullable<JobsConfig['autoRun']> = [
  // Scheduled publishing (Payload's schedulePublish task) uses the default queue.
  { cron: '* * * * *', queue: 'default', limit: 50 },
  // Nightly housekeeping (join-request retention and re-encryption) queues itself by schedule.
  { cron: '*/5 * * * *', queue: MAINTENANCE_QUEUE, limit: 10 },
]
