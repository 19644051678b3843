import type { JobsConfig } from 'payload'

/** Background tasks, run by Payload's jobs queue inside the server process (see autoRun). */
export const tasks: NonNullable<JobsConfig['tasks']> = []

/** Queues the server works through, and how often. */
export const autoRun: NonNullable<JobsConfig['autoRun']> = [
  // Scheduled publishing (Payload's schedulePublish task) uses the default queue.
  { cron: '* * * * *', queue: 'default', limit: 50 },
]
