import type { HavenContext } from '../context'
import { localeOptions, localized, type Locale, type Localized } from '../locale'
import { searchText, type ArticleDoc } from './articles'
import { pageSize } from './cursor'
import type { GroupDoc } from './groups'
import { ARTICLE_LIST_SELECT, GROUP_SELECT } from './selects'

/** A search result, tagged with the type SearchResult.__resolveType answers for it. */
type SearchHit =
  | (Localized<ArticleDoc> & { __typename: 'Article' })
  | (Localized<GroupDoc> & { __typename: 'SupportGroup' })

type Hit = { doc: SearchHit; score: number; date: string }

const published = { _status: { equals: 'published' } }

/**
 * Articles and groups matching every word, title/name matches first, then newest. Two queries
 * whatever the page size; ranking is deliberately simple (no full-text index across adapters).
 */
export async function searchContent(
  ctx: HavenContext,
  args: { query: string; first?: number | null; locale: Locale },
) {
  const first = pageSize(args.first)
  const text = searchText(args.query)!
  const common = {
    limit: first,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    ...localeOptions(args.locale),
  } as const
  const [articles, groups] = await Promise.all([
    ctx.payload.find({
      collection: 'articles',
      where: { and: [published, { or: [{ title: { like: text } }, { summary: { like: text } }] }] },
      sort: ['-publishedAt', '-id'],
      select: ARTICLE_LIST_SELECT,
      ...common,
    }),
    ctx.payload.find({
      collection: 'support-groups',
      where: {
        and: [published, { or: [{ name: { like: text } }, { description: { like: text } }] }],
      },
      sort: ['-updatedAt', '-id'],
      select: GROUP_SELECT,
      ...common,
    }),
  ])
  const words = text.toLowerCase().split(' ')
  const inTitle = (title: unknown) =>
    words.every((w) =>
      String(title ?? '')
        .toLowerCase()
        .includes(w),
    )
      ? 1
      : 0
  const hits: Hit[] = [
    ...(articles.docs as ArticleDoc[]).map((doc) => ({
      doc: Object.assign(localized(doc, args.locale), { __typename: 'Article' as const }),
      score: inTitle(doc.title),
      date: doc.publishedAt ?? '',
    })),
    ...(groups.docs as GroupDoc[]).map((doc) => ({
      doc: Object.assign(localized(doc, args.locale), { __typename: 'SupportGroup' as const }),
      score: inTitle(doc.name),
      date: doc.updatedAt ?? '',
    })),
  ]
  hits.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date))
  return hits.slice(0, first).map((hit) => hit.doc)
}
