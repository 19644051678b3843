import type { CollectionConfig } from 'payload'

import { FALLBACK_TITLE_CELL } from '../../src/components/locale/fallbackTitleCellPath'
import { siteUrl } from '../../src/config/site'
import { isEditor, isEditorOrReviewer } from '../../src/access/isEditor'
import { canDeleteArticle } from '../../src/access/canDeleteArticle'
import { isStaff } from '../../src/access/isStaff'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { reviewDateFields } from '../../src/fields/reviewDates'
import { reviewerOnly } from '../../src/access/reviewRecordAccess'
import { slugFields } from '../../src/fields/slug'
import { setPublishedAt } from './hooks/setPublishedAt'
import { findingsField } from '../../src/checks'
import { refuseUnauthorisedOverrides } from '../../src/checks'
import { runContentChecks } from '../../src/checks'
import { ARTICLE_TEXT_LIMITS, enforceTextLimits } from '../../src/checks'
import { importEndpoint } from '../../src/import'
import { articlePreviewTokenEndpoint } from '../../src/graphql/preview/previewEndpoint'
import { articleQualityFields } from '../../src/quality/articleQualityFields'
import { indexArticleSignature, removeArticleSignature } from './hooks/indexArticleSignature'
import { refreshRelatedArticles } from './hooks/refreshRelatedArticles'
import { suggestArticleTopics } from './hooks/suggestArticleTopics'
import { auditFindingOverrides } from '../../src/audit/auditFindingOverrides'
import { auditReviewChange } from './hooks/auditReviewChange'
import { auditExplainedDelete } from '../../src/audit/auditExplainedDelete'
import { deleteEndpoint, guardPublicDelete } from '../../src/contentDeletion'
import { reviewField } from '../../src/review'
import { showFindings } from '../../src/privacy'
import { notifyReviewChange } from './hooks/notifyReviewChange'
import { refuseStaleSave } from '../../src/review'
import { enforceReviewWorkflow } from './hooks/enforceReviewWorkflow'
import { keepPublicStateExplicit } from './hooks/keepPublicStateExplicit'
import { protectReviewRecord } from './hooks/protectReviewRecord'
import { unpublishEndpoint } from './endpoints/unpublishEndpoint'
import { workflowEndpoint } from './endpoints/workflow'

export const CONTENT_WARNINGS = [
  { label: 'Suicide', value: 'suicide' },
  { label: 'Self-harm', value: 'self-harm' },
  { label: 'Eating disorders', value: 'eating-disorders' },
  { label: 'Abuse', value: 'abuse' },
  { label: 'Substance use', value: 'substance-use' },
  { label: 'Trauma', value: 'trauma' },
  { label: 'Bereavement', value: 'bereavement' },
]

/** Health information articles: drafted, clinically reviewed, then published. */
export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'workflow', 'topics', 'nextReviewDue', 'updatedAt'],
    components: {
      edit: {
        beforeDocumentControls: [
          '/collections/Articles/components/WorkflowActions#WorkflowActions',
          {
            path: '/src/components/admin/PreviewOnSite#PreviewOnSite',
            clientProps: { siteUrl: siteUrl() },
          },
        ],
      },
      beforeListTable: [
        '/src/review/components/DueForReview#DueForReview',
        '/src/import/components/ImportArticles#ImportArticles',
      ],
    },
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditor,
    update: isEditorOrReviewer,
    delete: canDeleteArticle,
  },
  // The public API lists published articles newest (or latest updated) first; without these the
  // database sorts every published row before it can stop at one page.
  indexes: [{ fields: ['_status', 'publishedAt'] }, { fields: ['_status', 'updatedAt'] }],
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  endpoints: [
    importEndpoint,
    articlePreviewTokenEndpoint,
    workflowEndpoint,
    unpublishEndpoint,
    deleteEndpoint('articles'),
  ],
  hooks: {
    // Text limits first: every later hook and check reads the texts, so they must be bounded.
    beforeOperation: [
      enforceTextLimits(ARTICLE_TEXT_LIMITS),
      keepPublicStateExplicit,
      refuseUnauthorisedOverrides,
    ],
    // Stale forms first: their other differences are someone else's changes, not theirs.
    beforeValidate: [refuseStaleSave, protectReviewRecord],
    beforeChange: [setPublishedAt, suggestArticleTopics, runContentChecks, enforceReviewWorkflow],
    afterChange: [
      indexArticleSignature,
      refreshRelatedArticles,
      auditReviewChange,
      auditFindingOverrides,
      notifyReviewChange,
    ],
    // The guard first: a refused delete must not have removed anything yet.
    beforeDelete: [guardPublicDelete, removeArticleSignature],
    afterDelete: [auditExplainedDelete],
  },
  fields: [
    {
      // Where the article stands in review (top of the edit form) and the list's Status column.
      name: 'workflow',
      type: 'ui',
      label: 'Status',
      admin: {
        disableListColumn: false,
        components: {
          Field: '/collections/Articles/components/ReviewBanner#ReviewBanner',
          Cell: '/collections/Articles/components/WorkflowStatusCell#WorkflowStatusCell',
        },
      },
    },
    {
      name: 'title',
      type: 'text',
      required: true,
      localized: true,
      maxLength: ARTICLE_TEXT_LIMITS.title,
      admin: {
        components: {
          ...showFindings('title').components,
          Cell: FALLBACK_TITLE_CELL,
        },
      },
    },
    ...slugFields({ from: 'title' }),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      maxLength: ARTICLE_TEXT_LIMITS.summary,
      admin: showFindings('summary'),
    },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      admin: showFindings('body', { richText: true }),
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
    },
    {
      name: 'sources',
      type: 'array',
      admin: { description: 'Evidence the article relies on.' },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'publisher', type: 'text' },
        { name: 'year', type: 'number', min: 1900, max: 2100 },
        {
          name: 'url',
          type: 'text',
          validate: (value: unknown) =>
            !value || /^https?:\/\/\S+$/i.test(String(value)) ? true : 'Use an http(s) address.',
        },
      ],
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'contentWarnings',
      type: 'select',
      hasMany: true,
      options: CONTENT_WARNINGS,
      admin: { position: 'sidebar' },
    },
    { name: 'author', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar' } },
    {
      // Imported copy has no author in Haven: whoever saves it first must not become its author
      // (and so lose the right to approve it). An editor may still set an author by hand.
      name: 'attribution',
      type: 'select',
      options: [{ label: 'Imported', value: 'imported' }],
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Set by the importer: the text came from an imported file, not an author.',
      },
    },
    // Recorded by an approval: read-only in the admin for everyone but reviewers and admins.
    reviewerOnly({
      name: 'reviewer',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar' },
    }),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', description: 'Set on first publish when left empty.' },
    },
    ...reviewDateFields().map(reviewerOnly),
    reviewField(),
    ...articleQualityFields(),
    findingsField(),
  ],
}
