import type { Access } from 'payload'

/**
 * For a global with drafts: staff read drafts; everyone else reads the published version only,
 * even when asking for `draft=true`. A row saved before drafts were enabled has no status and
 * counts as published.
 */
export const publishedGlobalOrStaff: Access = ({ req: { user } }) => {
  if (user) return true
  return { or: [{ _status: { equals: 'published' } }, { _status: { exists: false } }] }
}
