import type { CollectionConfig } from 'payload'

import { FALLBACK_TITLE_CELL } from '../src/components/locale/fallbackTitleCellPath'
import { anyone } from '../src/access/anyone'
import { isReviewerOrAdmin } from '../src/access/isReviewerOrAdmin'
import { deleteEndpoint, guardPublicDelete } from '../src/contentDeletion'
import { slugFields } from '../src/fields/slug'

/**
 * The subject tree articles and groups are filed under (Therapies › DBT). Every topic is public
 * the moment it is saved and shapes the site's navigation (crisis topics included), so only
 * reviewers and admins create, change or delete one; see docs/governance.md.
 */
export const Topics: CollectionConfig = {
  slug: 'topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'parent'] },
  access: {
    read: anyone,
    create: isReviewerOrAdmin,
    update: isReviewerOrAdmin,
    delete: isReviewerOrAdmin,
  },
  endpoints: [deleteEndpoint('topics')],
  hooks: { beforeDelete: [guardPublicDelete] },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      localized: true,
      admin: { components: { Cell: FALLBACK_TITLE_CELL } },
    },
    ...slugFields({ from: 'name' }),
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'topics',
      admin: { position: 'sidebar' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'isCrisisRelated',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description: 'Articles under this topic point readers to the crisis helplines.',
      },
    },
  ],
}
