import type { Field } from 'payload'

import { REVIEW_STATUSES } from './types'
import { isStaffField } from '../access/isStaff'
import { internalAdmin } from '../fields/internalAdmin'

const LABELS: Record<(typeof REVIEW_STATUSES)[number], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
}

const readOnlyUser = (name: string, label: string): Field => ({
  name,
  label,
  type: 'relationship',
  relationTo: 'users',
  admin: { readOnly: true },
})

/**
 * The clinical review step, kept on the article and visible to staff only (the public sees
 * lastReviewedAt, nextReviewDue and the reviewer's profile). The who/when/fingerprint fields are
 * written by the workflow hook alone; whatever a client sends for them is ignored.
 */
export function reviewField(
  description = 'Only approved content can be published or scheduled. A reviewer other than the author approves; any later change to the text needs a new approval.',
): Field {
  return {
    name: 'review',
    type: 'group',
    label: 'Clinical review',
    // All three operations are spelled out: with only `read` set, the admin rendered the group
    // without its fields.
    access: { read: isStaffField, create: isStaffField, update: isStaffField },
    // NOTE: kept out of the sidebar: Payload 3.90's admin renders a named group placed in the
    // sidebar without its fields (payloadcms/payload#17812). Move it back once that is fixed.
    admin: { description },
    fields: [
      {
        name: 'status',
        type: 'select',
        defaultValue: 'draft',
        // Changed only by the workflow buttons at the top of the page, which confirm, notify and
        // report a refusal; a dropdown here kept a refused choice selected.
        admin: { readOnly: true, description: 'Use the buttons at the top of the page.' },
        options: REVIEW_STATUSES.map((value) => ({ label: LABELS[value], value })),
      },
      {
        name: 'note',
        type: 'textarea',
        admin: { description: 'Reviewer feedback for the author.' },
      },
      readOnlyUser('submittedBy', 'Submitted by'),
      readOnlyUser('editedBy', 'Text last changed by'),
      readOnlyUser('approvedBy', 'Approved by'),
      { name: 'approvedAt', type: 'date', admin: { readOnly: true } },
      { name: 'approvedFingerprint', type: 'text', admin: internalAdmin },
      { name: 'contentFingerprint', type: 'text', admin: internalAdmin },
    ],
  }
}
