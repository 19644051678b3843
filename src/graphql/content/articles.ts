import type { SelectType, Where } from 'payload'

import type { Article } from '../../payload-types'
import type { HavenContext } from '../context'
import { badInput } from '../errors'
import { DEFAULT_LOCALE, LOCALES, localeOptions, localized, type Locale } from '../locale'
import { checkCursorId, decodeCursor, pageSize, toConnection, type Cursor } from './cursor'
import { ARTICLE_SELECT, articleListSelect } from './selects'

// Partial: reads select only some columns. Every select includes updatedAt (selects.ts), which
// the schema promises on every article.
export type ArticleDoc = Partial<Article> & Pick<Article, 'id' | 'updatedAt'>

export type ArticleFilter = {
  topic?: string | null
  search?: string | null
  contentWarning?: string | null
  excludeContentWarnings?: string[] | null
}

type ArticlesArgs = {
  filter?: ArticleFilter | null
  sort?: 'NEWEST' | 'OLDEST' | 'RECENTLY_UPDATED' | null
  first?: number | null
  after?: string | null
  locale: Locale
  /** Article fields the query asks for (see requestedFields); null reads every list column. */
  fields?: Iterable<string> | null
}

const SORTS = {
  NEWEST: { field: 'publishedAt', desc: true },
  OLDEST: { field: 'publishedAt', desc: false },
  RECENTLY_UPDATED: { field: 'updatedAt', desc: true },
} as const

const published: Where = { _status: { equals: 'published' } }

/** Search text is passed to Payload's `like` (every word must appear); bound its size. */
export function searchText(value: string | null | undefined): string | null {
  if (value == null) return null
  const text = value.trim().replace(/\s+/g, ' ')
  if (text.length < 2 || text.length > 100) {
    throw badInput('Search text must be 2–100 characters long.')
  }
  return text
}

/** Ids of a topic (by current or old slug) and all its subtopics; [] when no topic matches. */
export async function topicSubtree(ctx: HavenContext, slug: string, locale: Locale) {
  const index = await ctx.loaders.topics.load(locale)
  const topic = index.bySlug.get(slug)
  return topic ? index.subtree(topic.id) : []
}

async function articleWhere(ctx: HavenContext, filter: ArticleFilter, locale: Locale) {
  const and: Where[] = [published]
  if (filter.topic != null) {
    and.push({ topics: { in: await topicSubtree(ctx, filter.topic, locale) } })
  }
  const search = searchText(filter.search)
  if (search) and.push({ or: [{ title: { like: search } }, { summary: { like: search } }] })
  if (filter.contentWarning) and.push({ contentWarnings: { in: [filter.contentWarning] } })
  if (filter.excludeContentWarnings?.length) {
    // `not_in` on a has-many select matches per value (an article with warnings A and B is
    // "not in [A]" through B), so find the articles carrying any excluded warning first.
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { and: [published, { contentWarnings: { in: filter.excludeContentWarnings } }] },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: {},
    })
    if (docs.length) and.push({ id: { not_in: docs.map((d) => d.id) } })
  }
  return and
}

// Keyset pagination: "after this (value, id)" stays correct when articles are published while a
// reader pages, where an offset would skip or repeat items.
function afterCursor(field: string, desc: boolean, [value, id]: Cursor): Where {
  const beyond = desc ? 'less_than' : 'greater_than'
  return {
    or: [
      { [field]: { [beyond]: value } },
      { and: [{ [field]: { equals: value } }, { id: { [beyond]: id } }] },
    ],
  }
}

/**
 * A page of published articles in the default locale, read from the database adapter instead of
 * the Local API. The Local API would add, for an anonymous reader: the read rule (published
 * only: `where` starts with it, see articleWhere), field read rules and afterRead hooks (none of
 * the whitelisted public columns has one), relationship population (depth 0: ids either way) and
 * locale fallback (nothing falls back in the default locale). What remains is its per-document
 * pipeline, about half of an uncached list request's CPU. The select is the public whitelist, so
 * no other column can be read. Other locales keep the Local API for its fallback.
 */
async function readPublishedList(
  ctx: HavenContext,
  where: Where,
  sort: string[],
  limit: number,
  select: SelectType,
) {
  if ((where.and as Where[] | undefined)?.[0] !== published)
    throw new Error('A published list must be filtered to published articles first.')
  const { docs } = await ctx.payload.db.find<Record<string, unknown>>({
    collection: 'articles',
    where,
    sort,
    limit,
    pagination: false,
    locale: DEFAULT_LOCALE,
    select,
  })
  // The adapter answers localized fields per locale ({ en: … }) and may add empty shapes for
  // fields outside the select; the Local API's afterRead would pick the locale and drop those.
  const localizedFields = localizedTopLevelFields(ctx)
  return {
    docs: docs.map((doc) => {
      const row: Record<string, unknown> = { id: doc.id }
      for (const name of Object.keys(select)) {
        const value = doc[name]
        row[name] = localizedFields.has(name) ? inDefaultLocale(value) : (value ?? null)
      }
      return row as ArticleDoc
    }),
  }
}

// A localized value as the adapter answers it: per locale ({ en: … }), or already flat.
function inDefaultLocale(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const perLocale = value as Record<string, unknown>
    if (Object.keys(perLocale).every((key) => (LOCALES as readonly string[]).includes(key)))
      return perLocale[DEFAULT_LOCALE] ?? null
  }
  return value ?? null
}

const localizedByConfig = new WeakMap<object, Set<string>>()
function localizedTopLevelFields(ctx: HavenContext): Set<string> {
  const config = ctx.payload.collections.articles.config
  let names = localizedByConfig.get(config)
  if (!names) {
    names = new Set(
      config.flattenedFields
        .filter((f) => 'localized' in f && f.localized && 'name' in f)
        .map((f) => f.name),
    )
    localizedByConfig.set(config, names)
  }
  return names
}

/** A page of published articles. */
export async function findArticles(ctx: HavenContext, args: ArticlesArgs) {
  const first = pageSize(args.first)
  const decoded = decodeCursor(args.after)
  const cursor = decoded && checkCursorId(ctx.payload.db.name, decoded)
  const { field, desc } = SORTS[args.sort ?? 'NEWEST']
  const filters = await articleWhere(ctx, args.filter ?? {}, args.locale)
  const where: Where = { and: cursor ? [...filters, afterCursor(field, desc, cursor)] : filters }
  const sort = desc ? [`-${field}`, '-id'] : [field, 'id']
  const select = articleListSelect(args.fields ?? ['*'], field)
  const { docs } =
    args.locale === DEFAULT_LOCALE
      ? await readPublishedList(ctx, where, sort, first + 1, select)
      : await ctx.payload.find({
          collection: 'articles',
          where,
          sort,
          limit: first + 1,
          pagination: false,
          depth: 0,
          overrideAccess: false,
          ...localeOptions(args.locale),
          select,
        })
  const rows = (docs as ArticleDoc[]).map((doc) => localized(doc, args.locale))
  return toConnection(
    rows,
    first,
    Boolean(cursor),
    // The id goes into the cursor as a string on every database; the adapter converts it back
    // (number on SQL, ObjectId on MongoDB) when it compares.
    (row) => [(row as Record<string, unknown>)[field] as string | null, String(row.id)],
    async () =>
      (
        await ctx.payload.count({
          collection: 'articles',
          where: { and: filters },
          overrideAccess: false,
          ...localeOptions(args.locale),
        })
      ).totalDocs,
  )
}

/** A published article by current slug, else by a slug it was published under before. */
export async function findArticleBySlug(ctx: HavenContext, slug: string, locale: Locale) {
  const { docs } = await ctx.payload.find({
    collection: 'articles',
    where: {
      and: [
        published,
        { or: [{ slug: { equals: slug } }, { 'previousSlugs.slug': { equals: slug } }] },
      ],
    },
    limit: 2,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    ...localeOptions(locale),
    select: ARTICLE_SELECT,
  })
  const rows = docs as ArticleDoc[]
  const doc = rows.find((d) => d.slug === slug) ?? rows[0]
  return doc ? localized(doc, locale) : null
}
