import DataLoader from 'dataloader'
import type { Payload } from 'payload'

import type { Article, Media, Topic, User } from '../../payload-types'
import { ARTICLE_BODY_SELECT, AUTHOR_SELECT, MEDIA_SELECT, TOPIC_SELECT } from '../content/selects'
import { localeOptions, type Locale } from '../locale'
import { byLocaleLoader } from './byLocale'
import { buildTopicIndex, type TopicIndex } from './topicIndex'

export type AuthorDoc = Pick<User, 'id' | 'displayName' | 'credentials' | 'bio'>
export type ArticleBodyDoc = Pick<Article, 'id' | 'body' | 'updatedAt'>

/**
 * Loaders live for one request (DataLoader's advice): batching collapses the N+1 of a list, and
 * nothing cached here can outlive the request or cross between callers.
 */
export function createLoaders(payload: Payload) {
  return {
    /** The whole topic tree in one query per locale: topics number in the dozens. */
    topics: new DataLoader<Locale, TopicIndex>(async (locales) =>
      Promise.all(
        locales.map(async (locale) => {
          const { docs } = await payload.find({
            collection: 'topics',
            ...localeOptions(locale),
            overrideAccess: false,
            depth: 0,
            pagination: false,
            sort: 'name',
            select: TOPIC_SELECT,
          })
          return buildTopicIndex(docs as Topic[])
        }),
      ),
    ),

    authors: new DataLoader<string | number, AuthorDoc | null>(async (ids) => {
      // Users are staff accounts and not publicly readable, so this is the one public read that
      // overrides access; AUTHOR_SELECT limits it to the public profile fields.
      const { docs } = await payload.find({
        collection: 'users',
        where: { id: { in: [...ids] } },
        overrideAccess: true,
        depth: 0,
        pagination: false,
        select: AUTHOR_SELECT,
      })
      const byId = new Map(docs.map((doc) => [String(doc.id), doc as AuthorDoc]))
      return ids.map((id) => byId.get(String(id)) ?? null)
    }),

    media: byLocaleLoader<Media>(async (locale, ids) => {
      const { docs } = await payload.find({
        collection: 'media',
        where: { id: { in: ids } },
        ...localeOptions(locale),
        overrideAccess: false,
        depth: 0,
        pagination: false,
        select: MEDIA_SELECT,
      })
      return docs as Media[]
    }),

    /** Bodies are large, so lists load them only when a body field is selected. */
    articleBodies: byLocaleLoader<ArticleBodyDoc>(async (locale, ids) => {
      const { docs } = await payload.find({
        collection: 'articles',
        where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
        ...localeOptions(locale),
        overrideAccess: false,
        depth: 0,
        pagination: false,
        select: ARTICLE_BODY_SELECT,
      })
      return docs as ArticleBodyDoc[]
    }),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
