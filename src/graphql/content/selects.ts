/**
 * The only columns the public API ever reads. Every Local API call in src/graphql passes one of
 * these as `select` (include mode), so a field added to a collection later (review findings,
 * private notes) stays out of the API until someone adds it here on purpose.
 */

export const ARTICLE_LIST_SELECT = {
  title: true,
  slug: true,
  previousSlugs: true,
  summary: true,
  heroImage: true,
  sources: true,
  topics: true,
  contentWarnings: true,
  author: true,
  reviewer: true,
  publishedAt: true,
  updatedAt: true,
  lastReviewedAt: true,
  nextReviewDue: true,
} as const

type ArticleColumn = keyof typeof ARTICLE_LIST_SELECT

// Which stored fields each Article field of the schema reads. Bodies come through their own
// loader; id and locale need nothing.
const ARTICLE_FIELD_COLUMNS: Record<string, ArticleColumn[]> = {
  __typename: [],
  id: [],
  locale: [],
  translated: [],
  untranslatedFields: [],
  bodyHtml: [],
  bodyJson: [],
  title: ['title'],
  slug: ['slug'],
  summary: ['summary'],
  heroImage: ['heroImage'],
  sources: ['sources'],
  topics: ['topics'],
  contentWarnings: ['contentWarnings'],
  showCrisisResources: ['contentWarnings', 'topics'],
  author: ['author'],
  reviewedBy: ['reviewer'],
  publishedAt: ['publishedAt'],
  updatedAt: ['updatedAt'],
  lastReviewedAt: ['lastReviewedAt'],
  nextReviewDue: ['nextReviewDue'],
}

/**
 * The part of ARTICLE_LIST_SELECT a list query needs: each array or relationship left out is one
 * subquery per row less (sources, previous slugs, warnings…). Always a subset of the list
 * select; an Article field missing from the map above selects everything, never too little.
 */
export function articleListSelect(fields: Iterable<string>, sortField: ArticleColumn) {
  const select: Partial<Record<ArticleColumn, true>> = { slug: true, updatedAt: true }
  select[sortField] = true
  for (const field of fields) {
    const columns = ARTICLE_FIELD_COLUMNS[field]
    if (!columns) return ARTICLE_LIST_SELECT
    for (const column of columns) select[column] = true
  }
  return select
}

/** A single article also carries its body; lists load bodies only when a body field is asked for. */
export const ARTICLE_SELECT = { ...ARTICLE_LIST_SELECT, body: true } as const

export const ARTICLE_BODY_SELECT = { body: true, updatedAt: true } as const

export const TOPIC_SELECT = {
  name: true,
  slug: true,
  description: true,
  parent: true,
  isCrisisRelated: true,
  previousSlugs: true,
} as const

/**
 * Groups are read without `private` and `coordinators`: not loading them at all beats stripping
 * them later, since nothing downstream can then leak them by mistake.
 */
export const GROUP_SELECT = {
  name: true,
  slug: true,
  previousSlugs: true,
  description: true,
  topics: true,
  organisation: true,
  facilitation: true,
  format: true,
  schedule: true,
  languages: true,
  cost: true,
  accessibilityNotes: true,
  openToNewMembers: true,
  area: true,
  updatedAt: true,
} as const

/**
 * The public profile of a user and nothing else. Users are not publicly readable (they are all
 * staff), so the author loader must read them with overrideAccess: true; this select is what
 * keeps email, roles and login state out of reach.
 */
export const AUTHOR_SELECT = { displayName: true, credentials: true, bio: true } as const

export const MEDIA_SELECT = {
  alt: true,
  credit: true,
  url: true,
  filename: true,
  mimeType: true,
  width: true,
  height: true,
  focalX: true,
  focalY: true,
  sizes: true,
} as const
