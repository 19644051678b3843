import DataLoader from 'dataloader'
import type { Payload } from 'payload'

import type { Article, Media, Topic, User } from '../../payload-types'
import { ARTICLE_BODY_SELECT, AUTHOR_SELECT, MEDIA_SELECT, TOPIC_SELECT } from '../content/selects'
import { DEFAULT_LOCALE, localeOptions, type Locale } from '../locale'
import { byLocaleLoader } from './byLocale'
import { buildTopicIndex, sortByName, type TopicIndex } from './topicIndex'
import { cachedTopicIndex } from './topicTreeCache'

export type AuthorDoc = Pick<User, 'id' | 'displayName' | 'credentials' | 'bio'>
export type ArticleBodyDoc = Pick<Article, 'id' | 'body' | 'updatedAt'>
export type Untranslated = { id: string | number; fields: TranslatableField[] }
export type TranslatableField = 'title' | 'summary' | 'body'

const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0

/**
 * Which of an article's translatable fields have no text of their own in a locale (and are
 * therefore served in English). Two small reads per locale per request: titles and summaries,
 * and the ids whose body exists in that locale (bodies themselves are never loaded for this).
 */
export async function untranslatedArticleFields(
  payload: Payload,
  locale: Locale,
  ids: Array<string | number>,
  draft = false,
): Promise<Untranslated[]> {
  if (locale === DEFAULT_LOCALE) return ids.map((id) => ({ id, fields: [] }))
  const read = {
    collection: 'articles',
    locale,
    fallbackLocale: false,
    depth: 0,
    pagination: false,
    // Drafts are read only for a preview whose token was verified already.
    ...(draft ? { draft: true, overrideAccess: true } : { overrideAccess: false }),
  } as const
  const scope = { id: { in: ids } }
  const { docs } = await payload.find({
    ...read,
    where: scope,
    select: { title: true, summary: true },
  })
  const withBody = await payload.find({
    ...read,
    where: { and: [scope, { body: { exists: true } }] },
    select: {},
  })
  const bodies = new Set(withBody.docs.map((d) => String(d.id)))
  return docs.map((doc) => ({
    id: doc.id,
    fields: [
      ...(filled(doc.title) ? [] : (['title'] as const)),
      ...(filled(doc.summary) ? [] : (['summary'] as const)),
      ...(bodies.has(String(doc.id)) ? [] : (['body'] as const)),
    ],
  }))
}

/**
 * Loaders live for one request (DataLoader's advice): batching collapses the N+1 of a list, and
 * nothing cached here can outlive the request or cross between callers — except the public topic
 * tree, which is kept per content version.
 */
export function createLoaders(payload: Payload) {
  return {
    /**
     * The whole topic tree in one query per locale (topics number in the dozens), kept across
     * requests until content changes (topicTreeCache.ts).
     */
    topics: new DataLoader<Locale, TopicIndex>(async (locales) =>
      Promise.all(
        locales.map((locale) =>
          cachedTopicIndex(locale, async () => {
            // Unsorted: sorting by a localized field makes Payload run a second, joined query
            // first, which doubled the cost of this read; a few dozen names sort faster here.
            const { docs } = await payload.find({
              collection: 'topics',
              ...localeOptions(locale),
              overrideAccess: false,
              depth: 0,
              pagination: false,
              select: TOPIC_SELECT,
            })
            return buildTopicIndex(sortByName(docs as Topic[], locale))
          }),
        ),
      ),
    ),

    authors: new DataLoader<string | number, AuthorDoc | null>(async (ids) => {
      // Users are staff accounts and not publicly readable, so this is the one public read that
      // bypasses access. It goes to the adapter directly: the Local API's access and hook
      // pipeline cost more than the query and would be skipped anyway. AUTHOR_SELECT limits
      // the read to the public profile, and the copy below keeps nothing else even if an
      // adapter returned more.
      const { docs } = await payload.db.find<User>({
        collection: 'users',
        where: { id: { in: [...ids] } },
        pagination: false,
        limit: 0,
        select: AUTHOR_SELECT,
      })
      const byId = new Map(
        docs.map((doc) => [
          String(doc.id),
          { id: doc.id, displayName: doc.displayName, credentials: doc.credentials, bio: doc.bio },
        ]),
      )
      return ids.map((id) => byId.get(String(id)) ?? null)
    }),

    /**
     * Ids come only from an article this request already read under the public rules (published,
     * or a draft opened with a valid preview token), so the image is one that article shows.
     * Media access ("only while published content uses it") would re-prove that with a query per
     * collection for every batch, and would hide a draft's new image from its own preview.
     * MEDIA_SELECT keeps the read to the public columns.
     */
    media: byLocaleLoader<Media>(async (locale, ids) => {
      const { docs } = await payload.find({
        collection: 'media',
        where: { id: { in: ids } },
        ...localeOptions(locale),
        overrideAccess: true,
        depth: 0,
        pagination: false,
        select: MEDIA_SELECT,
      })
      return docs as Media[]
    }),

    untranslated: byLocaleLoader<Untranslated>((locale, ids) =>
      untranslatedArticleFields(payload, locale, ids),
    ),

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
