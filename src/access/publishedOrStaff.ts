import type { Access } from 'payload'

/**
 * Staff read everything; everyone else reads published documents only. Payload's Local API skips
 * access by default, so public code must pass `overrideAccess: false` for this rule to apply.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
