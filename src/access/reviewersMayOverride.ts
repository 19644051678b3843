import type { Access } from 'payload'

import { hasRole } from './roles'

/** A reviewer with no admin or coordinator role: on support groups they may only override findings. */
export const isReviewerOnly = (user: Parameters<typeof hasRole>[0]) =>
  hasRole(user, 'reviewer') && !hasRole(user, 'admin', 'coordinator')

/**
 * Wraps a support group's update rule so reviewers can save groups too, to record override
 * reasons on findings (they are the ones allowed to). What else they may change is nothing:
 * collections/SupportGroups/hooks/limitReviewersToOverrides refuses any other edit.
 */
export const reviewersMayOverride =
  (rule: Access): Access =>
  (args) =>
    isReviewerOnly(args.req.user) ? true : rule(args)
