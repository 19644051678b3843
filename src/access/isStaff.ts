import type { Access } from 'payload'

/** Any signed-in Haven user (every role is staff: there are no public accounts). */
export const isStaff: Access = ({ req: { user } }) => Boolean(user)
