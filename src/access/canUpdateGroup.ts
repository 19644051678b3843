import type { Access } from 'payload'

import { coordinatedGroupsWhere, coordinatesGroup } from './coordinatesGroup'

/**
 * Admins update any group; a coordinator only the groups whose stored record lists them. With an
 * id (one document, and the admin's per-document permissions) the stored group decides; without
 * one (bulk updates, the admin's general permissions) the same rule applies as a query.
 */
export const canUpdateGroup: Access = ({ req, id }) =>
  id !== undefined && id !== null ? coordinatesGroup(req, id) : coordinatedGroupsWhere(req.user)
