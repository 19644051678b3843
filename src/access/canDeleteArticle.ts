import type { Access, Where } from 'payload'

import { hasRole, isReviewer } from './roles'

/**
 * Reviewers and admins may delete any article (one that has been public only with a reason, see
 * src/contentDeletion). Editors delete their own drafts that never went live: a query, so a bulk
 * delete by an editor never reaches anyone else's article or a published one.
 */
export const canDeleteArticle: Access = ({ req: { user } }) => {
  if (isReviewer(user)) return true
  if (!user || !hasRole(user, 'editor')) return false
  const own: Where[] = [
    { author: { equals: user.id } },
    { _status: { not_equals: 'published' } },
    { publishedAt: { exists: false } },
  ]
  return { and: own }
}
