import { rawId, rawIdsOf } from '../../lib/ids'
import type { HavenContext } from '../context'
import type { ArticleDoc } from '../content/articles'
import { findArticleBySlug, findArticles } from '../content/articles'
import { bodyToHtml } from '../content/bodyHtml'
import { findDraftForPreview } from '../content/preview'
import { requestedFields } from '../content/requestedFields'
import { ARTICLE_SELECT } from '../content/selects'
import type { Resolvers } from '../generated/resolvers'
import { untranslatedArticleFields } from '../loaders'
import type { ArticleParent as A } from './parents'
import { inLocale } from './Topic'

async function untranslated(a: A, ctx: HavenContext) {
  if (a.__preview) {
    const [found] = await untranslatedArticleFields(ctx.payload, a.__locale, [a.id], true)
    return found?.fields ?? []
  }
  return (await ctx.loaders.untranslated.load({ locale: a.__locale, id: a.id }))?.fields ?? []
}

async function body(a: A, ctx: HavenContext) {
  if ('body' in a) return a.body ?? null
  const doc = await ctx.loaders.articleBodies.load({ locale: a.__locale, id: a.id })
  return doc?.body ?? null
}

export const articleResolvers: Resolvers = {
  Query: {
    article: (_, { slug, locale, previewToken }, ctx, info) => {
      const token = previewToken ?? ctx.previewToken
      if (token) {
        return findDraftForPreview<ArticleDoc>(ctx, info, {
          collection: 'articles',
          token,
          locale,
          select: ARTICLE_SELECT,
        })
      }
      return findArticleBySlug(ctx, slug, locale)
    },
    articles: (_, args, ctx, info) =>
      findArticles(ctx, { ...args, fields: requestedFields(info, [['nodes'], ['edges', 'node']]) }),
  },
  Article: {
    title: (a) => a.title ?? '',
    slug: (a) => a.slug ?? String(a.id),
    bodyJson: (a, _, ctx) => body(a, ctx),
    bodyHtml: async (a, _, ctx) =>
      bodyToHtml(await body(a, ctx), `${a.id}|${a.__locale}|${a.updatedAt}`),
    heroImage: (a, _, ctx) => {
      // Loader keys keep the stored id type: the batch passes them to the database as they are.
      const id = rawId(a.heroImage)
      return id == null ? null : ctx.loaders.media.load({ locale: a.__locale, id })
    },
    sources: (a) => a.sources ?? [],
    topics: async (a, _, ctx) => {
      const index = await ctx.loaders.topics.load(a.__locale)
      return rawIdsOf(a.topics).flatMap(
        (id) => inLocale(index.byId.get(String(id)), a.__locale) ?? [],
      )
    },
    contentWarnings: (a) => a.contentWarnings ?? [],
    showCrisisResources: async (a, _, ctx) => {
      if (a.contentWarnings?.length) return true
      const index = await ctx.loaders.topics.load(a.__locale)
      return rawIdsOf(a.topics).some((id) => index.byId.get(String(id))?.isCrisisRelated)
    },
    author: (a, _, ctx) => {
      const id = rawId(a.author)
      return id == null ? null : ctx.loaders.authors.load(id)
    },
    reviewedBy: (a, _, ctx) => {
      const id = rawId(a.reviewer)
      return id == null ? null : ctx.loaders.authors.load(id)
    },
    updatedAt: (a) => a.updatedAt,
    locale: (a) => a.__locale,
    translated: async (a, _, ctx) => (await untranslated(a, ctx)).length === 0,
    untranslatedFields: (a, _, ctx) => untranslated(a, ctx),
  },
  ContentWarning: {
    self_harm: 'self-harm',
    eating_disorders: 'eating-disorders',
    substance_use: 'substance-use',
  },
}
