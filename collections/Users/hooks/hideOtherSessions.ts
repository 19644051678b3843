import type { CollectionAfterReadHook } from 'payload'
import type { User } from '../../../src/payload-types'

/**
 * Payload's own rule for `sessions` compares the reader with the document at hand, which for a
 * user populated inside another document (an article's author at depth 2) can be that document,
 * and numeric ids of different collections collide. A signed-in reader sees only their own
 * sessions; server code with no user (Payload's own JWT check, which reads them) keeps them.
 */
export const hideOtherSessions: CollectionAfterReadHook<User> = ({ doc, req: { user } }) => {
  if (user && doc && 'sessions' in doc && String(user.id) !== String(doc.id)) delete doc.sessions
  return doc
}
