import type { Field } from 'payload'
import { isStaffField } from '../access/isStaff'
import { internalAdmin } from '../fields/internalAdmin'

/**
 * Fields the importer and the quality checks keep on an article. Staff-only: a source file name
 * says where old copy came from, which is nobody else's business.
 */
export function articleQualityFields(): Field[] {
  return [
    {
      name: 'suggestedTopics',
      type: 'text',
      hasMany: true,
      access: { read: isStaffField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description:
          'From the body, on each save: existing topics it mentions first, then key phrases.',
      },
    },
    {
      name: 'importSource',
      type: 'text',
      index: true,
      access: { read: isStaffField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'File this draft was imported from.',
      },
    },
    {
      name: 'importHash',
      type: 'text',
      access: { read: isStaffField },
      admin: internalAdmin,
    },
  ]
}
