import type { Topic } from '../../payload-types'
import { localized, type Locale, type Localized } from '../locale'
import { idOf } from './refs'
import type { ResolverMap } from './types'

type T = Localized<Topic>

// Topic documents are shared by every field of a request through the topic index, so the
// locale travels on a copy rather than on the shared object.
export const inLocale = (topic: Topic | undefined, locale: Locale) =>
  topic ? localized({ ...topic }, locale) : null

export const topicResolvers: ResolverMap = {
  Query: {
    topic: async (_, { slug, locale }, ctx) =>
      inLocale((await ctx.loaders.topics.load(locale)).bySlug.get(slug), locale),
    topics: async (_, { locale }, ctx) =>
      (await ctx.loaders.topics.load(locale)).roots.map((t) => inLocale(t, locale)),
  },
  Topic: {
    slug: (t: T) => t.slug ?? String(t.id),
    isCrisisRelated: (t: T) => Boolean(t.isCrisisRelated),
    parent: async (t: T, _, ctx) => {
      const id = idOf(t.parent)
      if (id == null) return null
      return inLocale((await ctx.loaders.topics.load(t.__locale)).byId.get(String(id)), t.__locale)
    },
    children: async (t: T, _, ctx) =>
      ((await ctx.loaders.topics.load(t.__locale)).children.get(String(t.id)) ?? []).map((child) =>
        inLocale(child, t.__locale),
      ),
  },
}
