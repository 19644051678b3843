/**
 * The one list of what a clinical approval covers on an article: every field a public surface
 * (the GraphQL API, Payload's REST API, feeds) shows as content. The content fingerprint is built
 * from exactly these paths, in every locale for localized ones, so changing any of them after
 * approval needs a new approval before it can go live. A test keeps this list and the public
 * surfaces in step: a field the public can read must be listed here or in one of the lists below.
 */
export const REVIEWED_ARTICLE_FIELDS = [
  'title',
  'slug',
  'summary',
  'body',
  'heroImage',
  'sources',
  'topics',
  'contentWarnings',
  'author',
  'meta.title',
  'meta.description',
  'meta.image',
] as const

/**
 * Public, but recorded by the approval itself (or set by a reviewer): never by the author or
 * another editor, so the public "reviewed by / last reviewed / next review due" stays true.
 */
export const SET_BY_APPROVAL = ['reviewer', 'lastReviewedAt', 'nextReviewDue'] as const

/** Public, but not content a reviewer vouches for: identity, bookkeeping, or derived values. */
export const PUBLIC_NOT_CONTENT: Record<string, string> = {
  id: 'identifier',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
  publishedAt: 'set on first publish',
  _status: 'publication state, changed only by publish and unpublish',
  previousSlugs: 'derived from slug changes, keeps old links working',
  locale: 'the locale served',
  showCrisisResources: 'derived from topics and content warnings',
  attribution: 'set by the importer: the text came from an import, not a staff author',
  translated: 'whether the served locale has its own text (derived)',
  untranslatedFields: 'which fields fell back to the default locale (derived)',
}

/** What an approval of the crisis resources covers: the whole public content of the global. */
export const REVIEWED_CRISIS_FIELDS = ['intro', 'helplines'] as const
