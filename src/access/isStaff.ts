import type { Access, FieldAccess } from 'payload'

/** Any signed-in Haven user (every role is staff: there are no public accounts). */
export const isStaff: Access = ({ req: { user } }) => Boolean(user)

/** The same rule for a single field: hidden from anonymous callers, open to staff. */
export const isStaffField: FieldAccess = ({ req: { user } }) => Boolean(user)
