/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Narrows an article list. All given conditions must hold. */
export type ArticleFilter = {
  /** Only articles carrying this content warning. */
  contentWarning?: ContentWarning | null | undefined;
  /** Leave out articles carrying any of these content warnings. */
  excludeContentWarnings?: Array<ContentWarning> | null | undefined;
  /** Words to find in the title or summary (2–100 characters). */
  search?: string | null | undefined;
  /** Slug of a topic; articles under it or any of its subtopics. */
  topic?: string | null | undefined;
};

/** Content warnings an article can carry, so readers can choose what to open. */
export type ContentWarning =
  /** Discusses abuse. */
  | 'abuse'
  /** Discusses bereavement. */
  | 'bereavement'
  /** Discusses eating disorders. */
  | 'eating_disorders'
  /** Discusses self-harm. */
  | 'self_harm'
  /** Discusses substance use. */
  | 'substance_use'
  /** Discusses suicide. */
  | 'suicide'
  /** Discusses trauma. */
  | 'trauma';

/** Who runs a group's meetings. */
export type Facilitation =
  /** Run by a peer and a professional together. */
  | 'co_facilitated'
  /** Run by people with lived experience. */
  | 'peer_led'
  /** Run by a professional. */
  | 'professional';

/** How a group meets. */
export type GroupFormat =
  /** Both in a room and online. */
  | 'hybrid'
  /** Meets in a room. */
  | 'in_person'
  /** Meets by video or phone. */
  | 'online';

/** Languages content is written in. Missing translations fall back to English. */
export type Locale =
  /** English (the default locale). */
  | 'en'
  /** Spanish; fields not yet translated fall back to English. */
  | 'es';

export type TopicFieldsFragment = { id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean };

export type ArticleCardFragment = { id: string, slug: string, title: string, summary: string | null, publishedAt: string | null, updatedAt: string, translated: boolean };

export type GroupCardFragment = { id: string, slug: string, name: string, format: GroupFormat, languages: Array<string>, openToNewMembers: boolean, updatedAt: string, area: { city: string | null, region: string | null, country: string | null } | null };

export type AllArticlesQueryVariables = Exact<{
  after?: string | null | undefined;
  locale?: Locale | null | undefined;
}>;


export type AllArticlesQuery = { articles: { nodes: Array<{ id: string, slug: string, title: string, summary: string | null, publishedAt: string | null, updatedAt: string, translated: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AllGroupsQueryVariables = Exact<{
  after?: string | null | undefined;
  locale?: Locale | null | undefined;
}>;


export type AllGroupsQuery = { supportGroups: { nodes: Array<{ id: string, slug: string, name: string, format: GroupFormat, languages: Array<string>, openToNewMembers: boolean, updatedAt: string, area: { city: string | null, region: string | null, country: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LatestArticlesQueryVariables = Exact<{
  first?: number | null | undefined;
  locale?: Locale | null | undefined;
  filter?: ArticleFilter | null | undefined;
}>;


export type LatestArticlesQuery = { articles: { nodes: Array<{ id: string, slug: string, title: string, summary: string | null, publishedAt: string | null, updatedAt: string, translated: boolean }> } };

export type ArticleQueryVariables = Exact<{
  slug: string;
  locale?: Locale | null | undefined;
  token?: string | null | undefined;
}>;


export type ArticleQuery = { article: { bodyHtml: string, contentWarnings: Array<ContentWarning>, showCrisisResources: boolean, untranslatedFields: Array<string>, lastReviewedAt: string | null, nextReviewDue: string | null, id: string, slug: string, title: string, summary: string | null, publishedAt: string | null, updatedAt: string, translated: boolean, heroImage: { id: string, alt: string | null, credit: string | null, url: string | null, width: number | null, height: number | null, hero: { url: string, width: number | null, height: number | null } | null } | null, sources: Array<{ title: string, publisher: string | null, year: number | null, url: string | null }>, topics: Array<{ id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean }>, author: { id: string, displayName: string, credentials: string | null } | null, reviewedBy: { id: string, displayName: string, credentials: string | null } | null } | null };

export type TopicsQueryVariables = Exact<{
  locale?: Locale | null | undefined;
}>;


export type TopicsQuery = { topics: Array<{ id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean, children: Array<{ id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean }> }> };

export type TopicQueryVariables = Exact<{
  slug: string;
  locale?: Locale | null | undefined;
}>;


export type TopicQuery = { topic: { id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean, parent: { id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean } | null, children: Array<{ id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean }> } | null };

export type GroupsForTopicQueryVariables = Exact<{
  locale?: Locale | null | undefined;
  topic?: string | null | undefined;
}>;


export type GroupsForTopicQuery = { supportGroups: { nodes: Array<{ id: string, slug: string, name: string, format: GroupFormat, languages: Array<string>, openToNewMembers: boolean, updatedAt: string, area: { city: string | null, region: string | null, country: string | null } | null }> } };

export type GroupQueryVariables = Exact<{
  slug: string;
  locale?: Locale | null | undefined;
  token?: string | null | undefined;
}>;


export type GroupQuery = { supportGroup: { description: string | null, organisation: string | null, facilitation: Facilitation, timezone: string, cost: string | null, accessibilityNotes: string | null, takesJoinRequestsOnline: boolean, joinContact: string | null, id: string, slug: string, name: string, format: GroupFormat, languages: Array<string>, openToNewMembers: boolean, updatedAt: string, topics: Array<{ id: string, name: string, slug: string, description: string | null, isCrisisRelated: boolean }>, weeklySchedule: Array<{ weekdays: Array<string>, startTime: string, endTime: string | null }>, nextMeetings: Array<{ start: string, end: string | null, timezone: string, localDate: string, localStartTime: string, localEndTime: string | null, weekday: string, note: string | null }>, area: { city: string | null, region: string | null, country: string | null } | null } | null };

export type CrisisQueryVariables = Exact<{
  locale?: Locale | null | undefined;
}>;


export type CrisisQuery = { crisisResources: { intro: string | null, helplines: Array<{ country: string, name: string, phone: string | null, textNumber: string | null, hours: string | null, url: string | null }> } };

export type SearchQueryVariables = Exact<{
  query: string;
  locale?: Locale | null | undefined;
}>;


export type SearchQuery = { search: Array<
    | { __typename: 'Article', id: string, slug: string, title: string, summary: string | null, publishedAt: string | null, updatedAt: string, translated: boolean }
    | { __typename: 'SupportGroup', id: string, slug: string, name: string, format: GroupFormat, languages: Array<string>, openToNewMembers: boolean, updatedAt: string, area: { city: string | null, region: string | null, country: string | null } | null }
  > };

export type JoinFormQueryVariables = Exact<{
  group: string | number;
}>;


export type JoinFormQuery = { joinRequestForm: { token: string, minimumSeconds: number, honeypotField: string } };

export type RequestToJoinMutationVariables = Exact<{
  group: string | number;
  name: string;
  contact: string;
  message?: string | null | undefined;
  consent: boolean;
  formToken: string;
  website?: string | null | undefined;
}>;


export type RequestToJoinMutation = { requestToJoinGroup: { ok: boolean, message: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TopicFieldsFragmentDoc = new TypedDocumentString(`
    fragment TopicFields on Topic {
  id
  name
  slug
  description
  isCrisisRelated
}
    `, {"fragmentName":"TopicFields"}) as unknown as TypedDocumentString<TopicFieldsFragment, unknown>;
export const ArticleCardFragmentDoc = new TypedDocumentString(`
    fragment ArticleCard on Article {
  id
  slug
  title
  summary
  publishedAt
  updatedAt
  translated
}
    `, {"fragmentName":"ArticleCard"}) as unknown as TypedDocumentString<ArticleCardFragment, unknown>;
export const GroupCardFragmentDoc = new TypedDocumentString(`
    fragment GroupCard on SupportGroup {
  id
  slug
  name
  format
  languages
  openToNewMembers
  updatedAt
  area {
    city
    region
    country
  }
}
    `, {"fragmentName":"GroupCard"}) as unknown as TypedDocumentString<GroupCardFragment, unknown>;
export const AllArticlesDocument = new TypedDocumentString(`
    query AllArticles($after: String, $locale: Locale) {
  articles(first: 100, after: $after, locale: $locale) {
    nodes {
      ...ArticleCard
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ArticleCard on Article {
  id
  slug
  title
  summary
  publishedAt
  updatedAt
  translated
}`) as unknown as TypedDocumentString<AllArticlesQuery, AllArticlesQueryVariables>;
export const AllGroupsDocument = new TypedDocumentString(`
    query AllGroups($after: String, $locale: Locale) {
  supportGroups(first: 100, after: $after, locale: $locale) {
    nodes {
      ...GroupCard
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment GroupCard on SupportGroup {
  id
  slug
  name
  format
  languages
  openToNewMembers
  updatedAt
  area {
    city
    region
    country
  }
}`) as unknown as TypedDocumentString<AllGroupsQuery, AllGroupsQueryVariables>;
export const LatestArticlesDocument = new TypedDocumentString(`
    query LatestArticles($first: Int, $locale: Locale, $filter: ArticleFilter) {
  articles(first: $first, locale: $locale, filter: $filter) {
    nodes {
      ...ArticleCard
    }
  }
}
    fragment ArticleCard on Article {
  id
  slug
  title
  summary
  publishedAt
  updatedAt
  translated
}`) as unknown as TypedDocumentString<LatestArticlesQuery, LatestArticlesQueryVariables>;
export const ArticleDocument = new TypedDocumentString(`
    query Article($slug: String!, $locale: Locale, $token: String) {
  article(slug: $slug, locale: $locale, previewToken: $token) {
    ...ArticleCard
    bodyHtml
    contentWarnings
    showCrisisResources
    untranslatedFields
    lastReviewedAt
    nextReviewDue
    heroImage {
      id
      alt
      credit
      url
      width
      height
      hero: size(name: hero) {
        url
        width
        height
      }
    }
    sources {
      title
      publisher
      year
      url
    }
    topics {
      ...TopicFields
    }
    author {
      id
      displayName
      credentials
    }
    reviewedBy {
      id
      displayName
      credentials
    }
  }
}
    fragment TopicFields on Topic {
  id
  name
  slug
  description
  isCrisisRelated
}
fragment ArticleCard on Article {
  id
  slug
  title
  summary
  publishedAt
  updatedAt
  translated
}`) as unknown as TypedDocumentString<ArticleQuery, ArticleQueryVariables>;
export const TopicsDocument = new TypedDocumentString(`
    query Topics($locale: Locale) {
  topics(locale: $locale) {
    ...TopicFields
    children {
      ...TopicFields
    }
  }
}
    fragment TopicFields on Topic {
  id
  name
  slug
  description
  isCrisisRelated
}`) as unknown as TypedDocumentString<TopicsQuery, TopicsQueryVariables>;
export const TopicDocument = new TypedDocumentString(`
    query Topic($slug: String!, $locale: Locale) {
  topic(slug: $slug, locale: $locale) {
    ...TopicFields
    parent {
      ...TopicFields
    }
    children {
      ...TopicFields
    }
  }
}
    fragment TopicFields on Topic {
  id
  name
  slug
  description
  isCrisisRelated
}`) as unknown as TypedDocumentString<TopicQuery, TopicQueryVariables>;
export const GroupsForTopicDocument = new TypedDocumentString(`
    query GroupsForTopic($locale: Locale, $topic: String) {
  supportGroups(first: 50, locale: $locale, filter: {topic: $topic}) {
    nodes {
      ...GroupCard
    }
  }
}
    fragment GroupCard on SupportGroup {
  id
  slug
  name
  format
  languages
  openToNewMembers
  updatedAt
  area {
    city
    region
    country
  }
}`) as unknown as TypedDocumentString<GroupsForTopicQuery, GroupsForTopicQueryVariables>;
export const GroupDocument = new TypedDocumentString(`
    query Group($slug: String!, $locale: Locale, $token: String) {
  supportGroup(slug: $slug, locale: $locale, previewToken: $token) {
    ...GroupCard
    description
    organisation
    facilitation
    timezone
    cost
    accessibilityNotes
    takesJoinRequestsOnline
    joinContact
    topics {
      ...TopicFields
    }
    weeklySchedule {
      weekdays
      startTime
      endTime
    }
    nextMeetings(count: 5) {
      start
      end
      timezone
      localDate
      localStartTime
      localEndTime
      weekday
      note
    }
  }
}
    fragment TopicFields on Topic {
  id
  name
  slug
  description
  isCrisisRelated
}
fragment GroupCard on SupportGroup {
  id
  slug
  name
  format
  languages
  openToNewMembers
  updatedAt
  area {
    city
    region
    country
  }
}`) as unknown as TypedDocumentString<GroupQuery, GroupQueryVariables>;
export const CrisisDocument = new TypedDocumentString(`
    query Crisis($locale: Locale) {
  crisisResources(locale: $locale) {
    intro
    helplines {
      country
      name
      phone
      textNumber
      hours
      url
    }
  }
}
    `) as unknown as TypedDocumentString<CrisisQuery, CrisisQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $locale: Locale) {
  search(query: $query, first: 30, locale: $locale) {
    __typename
    ... on Article {
      ...ArticleCard
    }
    ... on SupportGroup {
      ...GroupCard
    }
  }
}
    fragment ArticleCard on Article {
  id
  slug
  title
  summary
  publishedAt
  updatedAt
  translated
}
fragment GroupCard on SupportGroup {
  id
  slug
  name
  format
  languages
  openToNewMembers
  updatedAt
  area {
    city
    region
    country
  }
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const JoinFormDocument = new TypedDocumentString(`
    query JoinForm($group: ID!) {
  joinRequestForm(group: $group) {
    token
    minimumSeconds
    honeypotField
  }
}
    `) as unknown as TypedDocumentString<JoinFormQuery, JoinFormQueryVariables>;
export const RequestToJoinDocument = new TypedDocumentString(`
    mutation RequestToJoin($group: ID!, $name: String!, $contact: String!, $message: String, $consent: Boolean!, $formToken: String!, $website: String) {
  requestToJoinGroup(
    group: $group
    name: $name
    contact: $contact
    message: $message
    consent: $consent
    formToken: $formToken
    website: $website
  ) {
    ok
    message
  }
}
    `) as unknown as TypedDocumentString<RequestToJoinMutation, RequestToJoinMutationVariables>;