import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { AUDIT_ACTIONS } from '../../src/audit/actions'
import { refuseAuditChanges } from './hooks/refuseAuditChanges'

const never = () => false

/**
 * Append-only record of who did what to which document: publishes, approvals, overrides of the
 * privacy guard, changes to private group fields and every read of a join request. Entries are
 * written by server hooks only (overrideAccess); nobody can create, edit or delete one through
 * the admin, REST or GraphQL, and even server code cannot update or delete one.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'actorName', 'summary'],
    description: 'Read-only. Who did what, when, to which document.',
    group: 'Administration',
  },
  access: { read: isAdmin, create: never, update: never, delete: never },
  hooks: { beforeOperation: [refuseAuditChanges] },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'summary', type: 'text' },
    {
      type: 'row',
      fields: [
        { name: 'actor', type: 'relationship', relationTo: 'users' },
        // Kept as text too, so the entry still says who after the account is deleted.
        { name: 'actorName', type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'targetCollection', type: 'text', index: true },
        { name: 'targetId', type: 'text', index: true },
      ],
    },
    {
      name: 'details',
      type: 'json',
      admin: { description: 'Field names, reasons, counts. Never the private values themselves.' },
    },
  ],
}
