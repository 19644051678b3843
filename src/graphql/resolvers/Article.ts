import type { HavenContext } from '../context'
import type { ArticleDoc } from '../content/articles'
import { findArticleBySlug, findArticles } from '../content/articles'
import { bodyToHtml } from '../content/bodyHtml'
import { findDraftForPreview } from '../content/preview'
import { requestedFields } from '../content/requestedFields'
import { ARTICLE_SELECT } from '../content/selects'
import type { Localized } from '../locale'
import { idOf, idsOf } from './refs'
import { inLocale } from './Topic'
import type { ResolverMap } from './types'
import { untranslatedArticleFields } from '../loaders'

type A = Localized<ArticleDoc> & { __preview?: true }

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

export const articleResolvers: ResolverMap = {
  Query: {
    article: (_, { slug, locale, previewToken }, ctx, info) => {
      const token = previewToken ?? ctx.previewToken
      if (token) {
        return findDraftForPreview(ctx, info, {
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
    title: (a: A) => a.title ?? '',
    slug: (a: A) => a.slug ?? String(a.id),
    bodyJson: (a: A, _, ctx) => body(a, ctx),
    bodyHtml: async (a: A, _, ctx) =>
      bodyToHtml(await body(a, ctx), `${a.id}|${a.__locale}|${a.updatedAt}`),
    heroImage: (a: A, _, ctx) => {
      const id = idOf(a.heroImage)
      return id == null ? null : ctx.loaders.media.load({ locale: a.__locale, id })
    },
    sources: (a: A) => a.sources ?? [],
    topics: async (a: A, _, ctx) => {
      const index = await ctx.loaders.topics.load(a.__locale)
      return idsOf(a.topics).flatMap((id) => inLocale(index.byId.get(String(id)), a.__locale) ?? [])
    },
    contentWarnings: (a: A) => a.contentWarnings ?? [],
    showCrisisResources: async (a: A, _, ctx) => {
      if (a.contentWarnings?.length) return true
      const index = await ctx.loaders.topics.load(a.__locale)
      return idsOf(a.topics).some((id) => index.byId.get(String(id))?.isCrisisRelated)
    },
    author: (a: A, _, ctx) => {
      const id = idOf(a.author)
      return id == null ? null : ctx.loaders.authors.load(id)
    },
    reviewedBy: (a: A, _, ctx) => {
      const id = idOf(a.reviewer)
      return id == null ? null : ctx.loaders.authors.load(id)
    },
    updatedAt: (a: A) => a.updatedAt ?? null,
    locale: (a: A) => a.__locale,
    translated: async (a: A, _, ctx) => (await untranslated(a, ctx)).length === 0,
    untranslatedFields: (a: A, _, ctx) => untranslated(a, ctx),
  },
  ContentWarning: {
    self_harm: 'self-harm',
    eating_disorders: 'eating-disorders',
    substance_use: 'substance-use',
  },
}
