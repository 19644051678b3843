import type { CollectionConfig, Field } from 'payload'

import { joinRequestAccess } from '../../src/joinRequests/canReadJoinRequest'
import { retentionDays } from '../../src/joinRequests/settings'
import { auditJoinRequestDelete } from './hooks/auditJoinRequestDelete'
import { revealJoinRequest } from './hooks/revealJoinRequest'

const never = () => false

// Filled in by revealJoinRequest for permitted readers; never stored (virtual).
const revealed = (name: string, type: 'text' | 'textarea'): Field =>
  ({ name, type, virtual: true, admin: { readOnly: true } }) as Field

/**
 * Requests from the public to join a support group (see src/joinRequests/submit.ts). The name,
 * contact and message exist only as one AES-256-GCM envelope in `sealed`, opened per request for
 * the group's coordinators and admins, each opening audited. Deleted after the retention period.
 */
export const JoinRequests: CollectionConfig = {
  slug: 'join-requests',
  labels: { singular: 'Join request', plural: 'Join requests' },
  admin: {
    defaultColumns: ['group', 'status', 'createdAt'],
    group: 'Support groups',
    description: `Open a request to read it; every opening is recorded in the audit log. Requests are deleted automatically after ${retentionDays()} days.`,
  },
  access: {
    read: joinRequestAccess,
    update: joinRequestAccess,
    delete: joinRequestAccess,
    create: never,
  },
  hooks: { afterRead: [revealJoinRequest], afterDelete: [auditJoinRequestDelete] },
  fields: [
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'support-groups',
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'new',
      // Held: arrived after the group's usual hourly number of requests, during what may be a
      // flood (src/joinRequests/rateLimits.ts); stored without the usual email, for review.
      options: [
        { label: 'Held for review', value: 'held' },
        { label: 'New', value: 'new' },
        { label: 'Contacted', value: 'contacted' },
        { label: 'Closed', value: 'closed' },
      ],
    },
    revealed('name', 'text'),
    revealed('contact', 'text'),
    revealed('message', 'textarea'),
    {
      name: 'consent',
      type: 'checkbox',
      required: true,
      admin: { readOnly: true, description: 'Agreed to be contacted by the coordinators.' },
    },
    {
      name: 'sealed',
      type: 'text',
      hidden: true,
      access: { create: never, update: never },
    },
  ],
}
