import type { Access } from 'payload'

import { isReviewer } from './roles'

/** Reviewers and admins: clinical authority over what the public sees. */
export const isReviewerOrAdmin: Access = ({ req: { user } }) => isReviewer(user)
