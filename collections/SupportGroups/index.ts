import type { CollectionConfig } from 'payload'

import { FALLBACK_TITLE_CELL } from '../../src/components/locale/fallbackTitleCellPath'
import { siteUrl } from '../../src/config/site'
import { canCreateGroup, canCreateGroupField } from '../../src/access/canCreateGroup'
import { canReadGroupVersions } from '../../src/access/canReadGroupVersions'
import { canUpdateGroup } from '../../src/access/canUpdateGroup'
import { isAdmin } from '../../src/access/isAdmin'
import { privateGroupFieldAccess } from '../../src/access/privateGroupFieldAccess'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { reviewersMayOverride } from '../../src/access/reviewersMayOverride'
import { publicAreaField } from '../../src/fields/publicArea'
import { supportGroupPreviewTokenEndpoint } from '../../src/graphql/preview/previewEndpoint'
import { slugFields } from '../../src/fields/slug'
import { validateHttpUrl, validateTime, validateTimezone } from '../../src/fields/validators'
import { privateGroupFields } from './privateFields'
import { coordinatorsField } from './coordinatorsField'
import { guardGroupMembership } from './hooks/guardGroupMembership'
import { findingsField } from '../../src/checks'
import { refuseUnauthorisedOverrides } from '../../src/checks'
import { runContentChecks } from '../../src/checks'
import { showFindings } from '../../src/privacy'
import { auditFindingOverrides } from '../../src/audit/auditFindingOverrides'
import { auditExplainedDelete } from '../../src/audit/auditExplainedDelete'
import { deleteEndpoint, guardPublicDelete } from '../../src/contentDeletion'
import { auditPrivateFieldChanges } from './hooks/auditPrivateFieldChanges'
import { WEEKDAY_NAMES } from '../../src/lib/nextMeetings'
import { limitReviewersToOverrides } from './hooks/limitReviewersToOverrides'

/** Peer support groups: the public listing, plus private details for coordinators only. */
export const SupportGroups: CollectionConfig = {
  slug: 'support-groups',
  labels: { singular: 'Support group', plural: 'Support groups' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'format', 'openToNewMembers', '_status'],
    components: {
      edit: {
        beforeDocumentControls: [
          {
            path: '/src/components/admin/PreviewOnSite#PreviewOnSite',
            clientProps: { siteUrl: siteUrl() },
          },
        ],
      },
    },
  },
  access: {
    read: publishedOrStaff,
    readVersions: canReadGroupVersions,
    create: canCreateGroup,
    update: reviewersMayOverride(canUpdateGroup),
    delete: isAdmin,
  },
  // The public API pages published groups by slug.
  indexes: [{ fields: ['_status', 'slug'] }],
  versions: { drafts: true, maxPerDoc: 30 },
  endpoints: [supportGroupPreviewTokenEndpoint, deleteEndpoint('support-groups')],
  hooks: {
    beforeOperation: [guardGroupMembership, refuseUnauthorisedOverrides],
    beforeChange: [limitReviewersToOverrides, runContentChecks],
    afterChange: [auditFindingOverrides, auditPrivateFieldChanges],
    // A group people may have joined through the listing goes only with an admin's reason.
    beforeDelete: [guardPublicDelete],
    afterDelete: [auditExplainedDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      localized: true,
      admin: { components: { ...showFindings('name').components, Cell: FALLBACK_TITLE_CELL } },
    },
    ...slugFields({ from: 'name' }),
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      admin: showFindings('description'),
    },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true },
    { name: 'organisation', type: 'text' },
    {
      type: 'row',
      fields: [
        {
          name: 'facilitation',
          type: 'select',
          required: true,
          defaultValue: 'peer-led',
          options: [
            { label: 'Peer-led', value: 'peer-led' },
            { label: 'Professionally facilitated', value: 'professional' },
            { label: 'Co-facilitated', value: 'co-facilitated' },
          ],
        },
        {
          name: 'format',
          type: 'select',
          required: true,
          defaultValue: 'in-person',
          options: [
            { label: 'In person', value: 'in-person' },
            { label: 'Online', value: 'online' },
            { label: 'Hybrid', value: 'hybrid' },
          ],
        },
      ],
    },
    {
      name: 'schedule',
      type: 'group',
      fields: [
        {
          name: 'timezone',
          type: 'text',
          required: true,
          defaultValue: 'Europe/London',
          validate: validateTimezone,
          admin: { description: 'IANA timezone the meeting times are given in.' },
        },
        {
          name: 'weekly',
          type: 'array',
          fields: [
            {
              name: 'weekdays',
              type: 'select',
              hasMany: true,
              required: true,
              options: WEEKDAY_NAMES.map((d) => ({
                label: d[0].toUpperCase() + d.slice(1),
                value: d,
              })),
            },
            {
              type: 'row',
              fields: [
                { name: 'startTime', type: 'text', required: true, validate: validateTime },
                { name: 'endTime', type: 'text', validate: validateTime },
              ],
            },
          ],
        },
        {
          name: 'oneOff',
          type: 'array',
          labels: { singular: 'One-off date', plural: 'One-off dates' },
          fields: [
            {
              name: 'date',
              type: 'date',
              required: true,
              admin: { date: { pickerAppearance: 'dayOnly' } },
            },
            {
              type: 'row',
              fields: [
                { name: 'startTime', type: 'text', required: true, validate: validateTime },
                { name: 'endTime', type: 'text', validate: validateTime },
              ],
            },
            { name: 'note', type: 'text', localized: true },
          ],
        },
      ],
    },
    {
      name: 'languages',
      type: 'text',
      hasMany: true,
      admin: { description: 'ISO 639-1 codes, e.g. en, es.' },
      validate: (value: unknown) =>
        !Array.isArray(value) || value.every((v) => /^[a-z]{2,3}$/.test(String(v)))
          ? true
          : 'Use two- or three-letter language codes such as en or es.',
    },
    {
      name: 'cost',
      type: 'text',
      localized: true,
      admin: { description: 'e.g. "Free".', ...showFindings('cost') },
    },
    {
      name: 'accessibilityNotes',
      type: 'textarea',
      localized: true,
      admin: showFindings('accessibilityNotes'),
    },
    { name: 'openToNewMembers', type: 'checkbox', defaultValue: true, index: true },
    publicAreaField(),
    coordinatorsField(),
    privateGroupFields({
      canRead: privateGroupFieldAccess,
      canCreate: canCreateGroupField,
      validateUrl: validateHttpUrl,
    }),
    findingsField(),
  ],
}
