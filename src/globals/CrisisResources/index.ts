import type { GlobalConfig } from 'payload'

import { isEditorOrReviewer } from '../../access/isEditor'
import { isStaff } from '../../access/isStaff'
import { publishedGlobalOrStaff } from '../../access/publishedGlobalOrStaff'
import { auditGlobalReviewChange } from './hooks/auditGlobalReviewChange'
import { validateHttpUrl } from '../../fields/validators'
import { refuseStaleGlobalSave } from '../../review'
import { reviewField } from '../../review'
import { enforceCrisisReview } from './hooks/enforceCrisisReview'
import { keepCrisisDraftUntilPublished } from './hooks/keepCrisisDraftUntilPublished'

/**
 * Helplines by country. Articles filed under a crisis-related topic, or carrying a content
 * warning, point readers here. Reviewed content: edits are drafts until a reviewer other than
 * the person who changed them approves, and the public (and the privacy check's helpline
 * exemption) sees only the published version.
 */
export const CrisisResources: GlobalConfig = {
  slug: 'crisis-resources',
  // The public reads the main row, which only a publish (or trusted server code) writes.
  access: { read: publishedGlobalOrStaff, readVersions: isStaff, update: isEditorOrReviewer },
  versions: { drafts: true, max: 50 },
  hooks: {
    beforeOperation: [keepCrisisDraftUntilPublished],
    beforeValidate: [refuseStaleGlobalSave],
    beforeChange: [enforceCrisisReview],
    afterChange: [auditGlobalReviewChange],
  },
  fields: [
    {
      name: 'intro',
      type: 'textarea',
      localized: true,
      defaultValue: 'If you are in danger right now, call your local emergency number.',
    },
    {
      name: 'helplines',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'country',
              type: 'text',
              required: true,
              maxLength: 2,
              admin: { description: 'ISO 3166 code (GB, US, ES…).' },
            },
            { name: 'name', type: 'text', required: true },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'phone', type: 'text' },
            { name: 'textNumber', type: 'text', admin: { description: 'SMS or text service.' } },
            {
              name: 'hours',
              type: 'text',
              localized: true,
              admin: { description: 'e.g. "24/7".' },
            },
          ],
        },
        { name: 'url', type: 'text', validate: validateHttpUrl },
      ],
    },
    reviewField(
      'Only approved helplines are published. A reviewer other than the person who changed them approves; any later change needs a new approval.',
    ),
  ],
}
