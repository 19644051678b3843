import type { Field } from 'payload'

import { isReviewer } from '../access/roles'
import { isStaffField } from '../access/isStaff'

const reviewerOnly = ({ req: { user } }: { req: { user?: unknown } }) => isReviewer(user as never)

/**
 * Findings of the content checks, kept on the document so editors see them in the admin. Only a
 * reviewer (or admin) can override one, and only with a reason; the hook records who and when.
 * Read access is staff-only: a finding quotes the text it matched (an email, a phone number).
 */
export function findingsField(): Field {
  return {
    name: 'findings',
    type: 'array',
    label: 'Content check findings',
    access: { read: isStaffField, update: isStaffField, create: isStaffField },
    admin: {
      description:
        'Found on save. Publishing is blocked until each is fixed in the text, or a reviewer records a reason to override it.',
      initCollapsed: false,
      components: {
        // Findings are written by the checks, not typed: a read-out with override boxes for
        // reviewers replaces Payload's array editor (no "Add Finding", no empty rows).
        Field: '/src/checks/components/FindingsList#FindingsList',
        RowLabel: '/src/checks/components/FindingRowLabel#FindingRowLabel',
      },
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'check',
            type: 'select',
            required: true,
            admin: { readOnly: true, width: '25%' },
            options: [
              { label: 'Personal data', value: 'privacy' },
              { label: 'Likely duplicate', value: 'duplicate' },
              { label: 'Copied wording', value: 'containment' },
              { label: 'Title does not match body', value: 'title-mismatch' },
              { label: 'Title needed', value: 'title-needed' },
              { label: 'Blocked phrase', value: 'blocked-phrase' },
              { label: 'Content warning suggested', value: 'content-warning' },
            ],
          },
          { name: 'field', type: 'text', admin: { readOnly: true, width: '20%' } },
          { name: 'match', type: 'text', admin: { readOnly: true, width: '55%' } },
        ],
      },
      { name: 'message', type: 'text', admin: { readOnly: true } },
      {
        type: 'row',
        fields: [
          { name: 'score', type: 'number', admin: { readOnly: true, width: '20%' } },
          { name: 'related', type: 'text', admin: { readOnly: true, width: '30%' } },
        ],
      },
      {
        name: 'overrideReason',
        type: 'text',
        access: { update: reviewerOnly, create: reviewerOnly },
        admin: { description: 'Reviewers only, e.g. "consent on file".' },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'overriddenBy',
            type: 'relationship',
            relationTo: 'users',
            admin: { readOnly: true },
          },
          { name: 'overriddenAt', type: 'date', admin: { readOnly: true } },
        ],
      },
    ],
  }
}
