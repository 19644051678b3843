/**
 * The site's only source of content: Haven's public GraphQL API over HTTP. Nothing here knows
 * about Haven's database or code, so the site runs wherever the API is reachable.
 */

export type Locale = 'en' | 'es'

export type Topic = {
  id: string
  name: string
  slug: string
  description: string | null
  isCrisisRelated: boolean
  children?: Topic[]
}

export type Author = { id: string; displayName: string; credentials: string | null }

export type Media = {
  id: string
  alt: string | null
  credit: string | null
  url: string | null
  width: number | null
  height: number | null
  hero: { url: string; width: number | null; height: number | null } | null
}

export type Source = {
  title: string
  publisher: string | null
  year: number | null
  url: string | null
}

export type ArticleCard = {
  id: string
  slug: string
  title: string
  summary: string | null
  publishedAt: string | null
  updatedAt: string
  translated: boolean
}

export type Article = ArticleCard & {
  bodyHtml: string
  heroImage: Media | null
  sources: Source[]
  topics: Topic[]
  contentWarnings: string[]
  showCrisisResources: boolean
  author: Author | null
  reviewedBy: Author | null
  lastReviewedAt: string | null
  nextReviewDue: string | null
  untranslatedFields: string[]
}

export type Meeting = {
  start: string
  end: string | null
  timezone: string
  localDate: string
  localStartTime: string
  localEndTime: string | null
  weekday: string
  note: string | null
}

export type GroupCard = {
  id: string
  slug: string
  name: string
  format: 'in_person' | 'online' | 'hybrid'
  languages: string[]
  openToNewMembers: boolean
  area: { city: string | null; region: string | null; country: string | null } | null
  updatedAt: string
}

export type Group = GroupCard & {
  description: string | null
  topics: Topic[]
  organisation: string | null
  facilitation: 'peer_led' | 'professional' | 'co_facilitated'
  timezone: string
  weeklySchedule: { weekdays: string[]; startTime: string; endTime: string | null }[]
  nextMeetings: Meeting[]
  cost: string | null
  accessibilityNotes: string | null
}

export type Helpline = {
  country: string
  name: string
  phone: string | null
  textNumber: string | null
  hours: string | null
  url: string | null
}

export type CrisisResources = { intro: string | null; helplines: Helpline[] }

export type SearchHit =
  ({ __typename: 'Article' } & ArticleCard) | ({ __typename: 'SupportGroup' } & GroupCard)

export type JoinForm = { token: string; minimumSeconds: number; honeypotField: string }

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

const ARTICLE_CARD = `id slug title summary publishedAt updatedAt translated`
const GROUP_CARD = `id slug name format languages openToNewMembers updatedAt area { city region country }`
const ARTICLE = `${ARTICLE_CARD} bodyHtml contentWarnings showCrisisResources untranslatedFields
  lastReviewedAt nextReviewDue
  heroImage { id alt credit url width height hero: size(name: hero) { url width height } }
  sources { title publisher year url }
  topics { id name slug description isCrisisRelated }
  author { id displayName credentials }
  reviewedBy { id displayName credentials }`
const GROUP = `${GROUP_CARD} description organisation facilitation timezone cost accessibilityNotes
  topics { id name slug description isCrisisRelated }
  weeklySchedule { weekdays startTime endTime }
  nextMeetings(count: 5) { start end timezone localDate localStartTime localEndTime weekday note }`

const TOPIC = `id name slug description isCrisisRelated`
const page = (field: string, selection: string) => `query($after: String, $locale: Locale) {
  ${field}(first: 100, after: $after, locale: $locale) {
    nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`

/**
 * Every operation the site sends, by name. tests/unit/siteSchema.test.ts validates each against
 * the committed schema.graphql, so a change to Haven's API that breaks the site fails there.
 */
export const documents = {
  allArticles: page('articles', ARTICLE_CARD),
  allGroups: page('supportGroups', GROUP_CARD),
  latestArticles: `query($first: Int, $locale: Locale, $filter: ArticleFilter) {
    articles(first: $first, locale: $locale, filter: $filter) { nodes { ${ARTICLE_CARD} } } }`,
  article: `query($slug: String!, $locale: Locale, $token: String) {
    article(slug: $slug, locale: $locale, previewToken: $token) { ${ARTICLE} } }`,
  topics: `query($locale: Locale) { topics(locale: $locale) { ${TOPIC} children { ${TOPIC} } } }`,
  topic: `query($slug: String!, $locale: Locale) { topic(slug: $slug, locale: $locale) {
    ${TOPIC} parent { ${TOPIC} } children { ${TOPIC} } } }`,
  groupsForTopic: `query($locale: Locale, $topic: String) {
    supportGroups(first: 50, locale: $locale, filter: { topic: $topic }) { nodes { ${GROUP_CARD} } } }`,
  group: `query($slug: String!, $locale: Locale, $token: String) {
    supportGroup(slug: $slug, locale: $locale, previewToken: $token) { ${GROUP} } }`,
  crisis: `query($locale: Locale) { crisisResources(locale: $locale) {
    intro helplines { country name phone textNumber hours url } } }`,
  search: `query($query: String!, $locale: Locale) { search(query: $query, first: 30, locale: $locale) {
    __typename ... on Article { ${ARTICLE_CARD} } ... on SupportGroup { ${GROUP_CARD} } } }`,
  joinForm: `query($group: ID!) { joinRequestForm(group: $group) { token minimumSeconds honeypotField } }`,
  requestToJoin: `mutation($group: ID!, $name: String!, $contact: String!, $message: String,
    $consent: Boolean!, $formToken: String!, $website: String) {
    requestToJoinGroup(group: $group, name: $name, contact: $contact, message: $message,
      consent: $consent, formToken: $formToken, website: $website) { ok message } }`,
}

export type HavenApi = ReturnType<typeof createApi>

export function createApi(apiUrl: string, { timeoutMs = 10_000 } = {}) {
  async function request<T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let res: Response
    try {
      res = await fetch(apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name
      throw new Error(`Haven's API at ${apiUrl} did not answer (${cause}).`, { cause: error })
    }
    const text = await res.text()
    let json: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }
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

  async function all<T>(document: string, field: string, locale: Locale): Promise<T[]> {
    const out: T[] = []
    let after: string | null = null
    for (;;) {
      const data: Record<string, Page<T>> = await request(document, { after, locale })
      const page = data[field]
      out.push(...page.nodes)
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out
      after = page.pageInfo.endCursor
    }
  }

  return {
    apiUrl,
    async latestArticles(locale: Locale, first = 10, topic?: string) {
      const data = await request<{ articles: { nodes: ArticleCard[] } }>(documents.latestArticles, {
        first,
        locale,
        filter: topic ? { topic } : null,
      })
      return data.articles.nodes
    },
    allArticles: (locale: Locale) => all<ArticleCard>(documents.allArticles, 'articles', locale),
    allGroups: (locale: Locale) => all<GroupCard>(documents.allGroups, 'supportGroups', locale),
    async article(slug: string, locale: Locale, previewToken?: string) {
      const data = await request<{ article: Article | null }>(documents.article, {
        slug,
        locale,
        token: previewToken ?? null,
      })
      return data.article
    },
    async topics(locale: Locale) {
      return (await request<{ topics: Topic[] }>(documents.topics, { locale })).topics
    },
    async topic(slug: string, locale: Locale) {
      const data = await request<{ topic: (Topic & { parent: Topic | null }) | null }>(
        documents.topic,
        { slug, locale },
      )
      return data.topic
    },
    async groupsForTopic(topic: string, locale: Locale) {
      const data = await request<{ supportGroups: { nodes: GroupCard[] } }>(
        documents.groupsForTopic,
        { locale, topic },
      )
      return data.supportGroups.nodes
    },
    async group(slug: string, locale: Locale, previewToken?: string) {
      const data = await request<{ supportGroup: Group | null }>(documents.group, {
        slug,
        locale,
        token: previewToken ?? null,
      })
      return data.supportGroup
    },
    async crisis(locale: Locale) {
      const data = await request<{ crisisResources: CrisisResources }>(documents.crisis, {
        locale,
      })
      return data.crisisResources
    },
    async search(query: string, locale: Locale) {
      return (await request<{ search: SearchHit[] }>(documents.search, { query, locale })).search
    },
    async joinForm(group: string) {
      const data = await request<{ joinRequestForm: JoinForm }>(documents.joinForm, { group })
      return data.joinRequestForm
    },
    /** Sends the reader's request to Haven; `forwardedFor` lets Haven rate-limit per reader. */
    async requestToJoin(
      input: {
        group: string
        name: string
        contact: string
        message: string | null
        consent: boolean
        formToken: string
        website: string | null
      },
      forwardedFor?: string,
    ) {
      const data = await request<{ requestToJoinGroup: { ok: boolean; message: string } }>(
        documents.requestToJoin,
        input,
        forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      )
      return data.requestToJoinGroup
    },
  }
}
