import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { validateHttpUrl } from '../fields/validators'
import { announceGlobalChange } from '../content/changes'

/**
 * Helplines by country. Articles filed under a crisis-related topic, or carrying a content
 * warning, point readers here.
 */
export const CrisisResources: GlobalConfig = {
  slug: 'crisis-resources',
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [announceGlobalChange] },
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
  ],
}
