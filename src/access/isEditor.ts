import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins write content; reviewers may also save (they approve, see the review step). */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const isEditorOrReviewer: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'reviewer')
