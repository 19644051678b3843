import { idOf } from '../../lib/ids'
import type { Topic } from '../../payload-types'
import type { Resolvers } from '../generated/resolvers'
import { localized, type Locale, type Localized } from '../locale'

// Topic documents are shared by every field of a request through the topic index, so the
// locale travels on a copy rather than on the shared object. A topic in hand (roots, children)
// gives a topic, so those lists keep a non-null type.
export function inLocale(topic: Topic, locale: Locale): Localized<Topic>
export function inLocale(topic: Topic | undefined, locale: Locale): Localized<Topic> | null
export function inLocale(topic: Topic | undefined, locale: Locale) {
  return topic ? localized({ ...topic }, locale) : null
}

export const topicResolvers: Resolvers = {
  Query: {
    topic: async (_, { slug, locale }, ctx) =>
      inLocale((await ctx.loaders.topics.load(locale)).bySlug.get(slug), locale),
    topics: async (_, { locale }, ctx) =>
      (await ctx.loaders.topics.load(locale)).roots.map((t) => inLocale(t, locale)),
  },
  Topic: {
    slug: (t) => t.slug ?? String(t.id),
    isCrisisRelated: (t) => Boolean(t.isCrisisRelated),
    parent: async (t, _, ctx) => {
      const id = idOf(t.parent)
      if (id == null) return null
      return inLocale((await ctx.loaders.topics.load(t.__locale)).byId.get(id), t.__locale)
    },
    children: async (t, _, ctx) =>
      ((await ctx.loaders.topics.load(t.__locale)).children.get(String(t.id)) ?? []).map((child) =>
        inLocale(child, t.__locale),
      ),
  },
}
