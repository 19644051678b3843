/**
 * The site's only source of content: Haven's public GraphQL API over HTTP. Nothing here knows
 * about Haven's database or code, so the site runs wherever the API is reachable.
 */

import {
  AllArticlesDocument,
  AllGroupsDocument,
  ArticleDocument,
  CrisisDocument,
  GroupDocument,
  GroupsForTopicDocument,
  JoinFormDocument,
  LatestArticlesDocument,
  RequestToJoinDocument,
  SearchDocument,
  TopicDocument,
  TopicsDocument,
  type ArticleCardFragment,
  type ArticleQuery,
  type CrisisQuery,
  type GroupCardFragment,
  type GroupQuery,
  type JoinFormQuery,
  type Locale as ApiLocale,
  type RequestToJoinMutationVariables,
  type SearchQuery,
  type TopicFieldsFragment,
  type TypedDocumentString,
} from './generated/graphql'

// Result types come from site/operations.graphql and the committed schema.graphql
// (`npm run generate:site`), so a field the site reads but Haven no longer has fails typecheck.
export type Locale = ApiLocale
export type Topic = TopicFieldsFragment & { children?: TopicFieldsFragment[] }
export type ArticleCard = ArticleCardFragment
export type Article = NonNullable<ArticleQuery['article']>
export type Media = NonNullable<Article['heroImage']>
export type Source = Article['sources'][number]
export type Author = NonNullable<Article['author']>
export type GroupCard = GroupCardFragment
export type Group = NonNullable<GroupQuery['supportGroup']>
export type Meeting = Group['nextMeetings'][number]
export type CrisisResources = CrisisQuery['crisisResources']
export type Helpline = CrisisResources['helplines'][number]
export type SearchHit = SearchQuery['search'][number]
export type JoinForm = JoinFormQuery['joinRequestForm']

type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

/** A refusal Haven explains (bad input, closed group, rate limit): shown to the reader as is. */
export class ApiRefusal extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
    this.name = 'ApiRefusal'
  }
}

/**
 * Every operation the site sends, by name, as the text that goes over the wire.
 * tests/unit/siteSchema.test.ts validates each against the committed schema.graphql.
 */
const operations = {
  allArticles: AllArticlesDocument,
  allGroups: AllGroupsDocument,
  latestArticles: LatestArticlesDocument,
  article: ArticleDocument,
  topics: TopicsDocument,
  topic: TopicDocument,
  groupsForTopic: GroupsForTopicDocument,
  group: GroupDocument,
  crisis: CrisisDocument,
  search: SearchDocument,
  joinForm: JoinFormDocument,
  requestToJoin: RequestToJoinDocument,
}
export const documents = Object.fromEntries(
  Object.entries(operations).map(([name, document]) => [name, document.toString()]),
) as Record<keyof typeof operations, string>

export type HavenApi = ReturnType<typeof createApi>

export function createApi(apiUrl: string, { timeoutMs = 10_000 } = {}) {
  async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    headers: Record<string, string> = {},
  ): Promise<TResult> {
    let res: Response
    try {
      res = await fetch(apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: document.toString(), variables }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name
      throw new Error(`Haven's API at ${apiUrl} did not answer (${cause}).`, { cause: error })
    }
    const text = await res.text()
    let json: { data?: TResult; errors?: { message: string; extensions?: { code?: string } }[] }
    try {
      json = JSON.parse(text)
    } catch {
      throw new Error(`Haven's API answered ${res.status} without JSON.`)
    }
    const error = json.errors?.[0]
    if (error) {
      const code = error.extensions?.code ?? 'UNKNOWN'
      if (code === 'INTERNAL_SERVER_ERROR' || res.status >= 500) {
        throw new Error(`Haven's API failed: ${error.message}`)
      }
      throw new ApiRefusal(error.message, code)
    }
    if (!json.data) throw new Error(`Haven's API answered ${res.status} without data.`)
    return json.data
  }

  /** Every page of a connection, following its cursor. */
  async function all<TResult, T>(
    document: TypedDocumentString<TResult, { after?: string | null; locale?: Locale | null }>,
    pick: (data: TResult) => Page<T>,
    locale: Locale,
  ): Promise<T[]> {
    const out: T[] = []
    let after: string | null = null
    for (;;) {
      const page = pick(await request(document, { after, locale }))
      out.push(...page.nodes)
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out
      after = page.pageInfo.endCursor
    }
  }

  return {
    apiUrl,
    async latestArticles(locale: Locale, first = 10, topic?: string) {
      const data = await request(LatestArticlesDocument, {
        first,
        locale,
        filter: topic ? { topic } : null,
      })
      return data.articles.nodes
    },
    allArticles: (locale: Locale) => all(AllArticlesDocument, (d) => d.articles, locale),
    allGroups: (locale: Locale) => all(AllGroupsDocument, (d) => d.supportGroups, locale),
    async article(slug: string, locale: Locale, previewToken?: string) {
      const data = await request(ArticleDocument, { slug, locale, token: previewToken ?? null })
      return data.article
    },
    async topics(locale: Locale) {
      return (await request(TopicsDocument, { locale })).topics
    },
    async topic(slug: string, locale: Locale) {
      return (await request(TopicDocument, { slug, locale })).topic
    },
    async groupsForTopic(topic: string, locale: Locale) {
      const data = await request(GroupsForTopicDocument, { locale, topic })
      return data.supportGroups.nodes
    },
    async group(slug: string, locale: Locale, previewToken?: string) {
      const data = await request(GroupDocument, { slug, locale, token: previewToken ?? null })
      return data.supportGroup
    },
    async crisis(locale: Locale) {
      return (await request(CrisisDocument, { locale })).crisisResources
    },
    async search(query: string, locale: Locale) {
      return (await request(SearchDocument, { query, locale })).search
    },
    async joinForm(group: string) {
      return (await request(JoinFormDocument, { group })).joinRequestForm
    },
    /** Sends the reader's request to Haven; `forwardedFor` lets Haven rate-limit per reader. */
    async requestToJoin(input: RequestToJoinMutationVariables, forwardedFor?: string) {
      const data = await request(
        RequestToJoinDocument,
        input,
        forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      )
      return data.requestToJoinGroup
    },
  }
}
