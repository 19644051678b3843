import { Forbidden, type JobsConfig } from 'payload'

import { hasRole } from './roles'

type RunJobAccess = NonNullable<NonNullable<JobsConfig['access']>['run']>

/**
 * GET /api/payload-jobs/run and /handle-schedules work the whole queue (publishing, webhook
 * delivery, retention) at the caller's pace. The server runs it on its own schedule, so over
 * HTTP it is an admin's tool: 401 signed out, 403 for any other role.
 */
export const canRunJobs: RunJobAccess = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  throw new Forbidden(req.t)
}
