import type { CollectionConfig, FieldHook } from 'payload'

import { isAdmin } from '../src/access/isAdmin'
import { isStaff } from '../src/access/isStaff'
import { normalisePhrase } from '../src/quality/findBlockedPhrases'

const normalise: FieldHook = ({ value }) =>
  typeof value === 'string' ? normalisePhrase(value) : value

/**
 * Phrases that must not be published: the keywords treatment-centre and therapy-marketing link
 * spam pastes into web copy. Admins keep the list; any article containing one is flagged and
 * cannot be published until the phrase is removed or a reviewer overrides the finding.
 */
export const BlockedPhrases: CollectionConfig = {
  slug: 'blocked-phrases',
  admin: {
    useAsTitle: 'phrase',
    defaultColumns: ['phrase', 'reason', 'updatedAt'],
    description:
      'Matched as whole phrases, ignoring case and spacing, with an optional plural "s". Changes apply to the next save of each article.',
  },
  access: { read: isStaff, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    {
      name: 'phrase',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      minLength: 3,
      maxLength: 120,
      hooks: { beforeValidate: [normalise] },
    },
    {
      name: 'reason',
      type: 'text',
      admin: { description: 'Shown to editors, e.g. "Treatment-centre keyword".' },
    },
  ],
}
