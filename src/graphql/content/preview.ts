import { maybeCacheControlFromInfo } from '@apollo/cache-control-types'
import type { GraphQLResolveInfo } from 'graphql'
import type { CollectionSlug } from 'payload'

import type { HavenContext } from '../context'
import { forbidden } from '../errors'
import { localeOptions, localized, type Locale, type Localized } from '../locale'
import { verifyPreviewToken } from '../preview/previewToken'

/**
 * The latest draft a preview token was minted for. The token, not the slug, names the document:
 * a draft's slug may not be final yet. Reading drafts needs overrideAccess; `select` keeps the
 * read to the same public columns as the published path, so private fields stay unloaded.
 */
export async function findDraftForPreview<T extends object>(
  ctx: HavenContext,
  info: GraphQLResolveInfo,
  args: { collection: CollectionSlug; token: string; locale: Locale; select: object },
): Promise<(Localized<T> & { __preview: true }) | null> {
  // A preview is for one person: no shared cache, no CDN.
  maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' })
  const claims = verifyPreviewToken(ctx.payload.secret, args.token)
  if (!claims) {
    throw forbidden('previewToken is invalid or has expired; open a new preview from the admin.')
  }
  if (claims.collection !== args.collection) {
    throw forbidden(`previewToken was minted for ${claims.collection}, not ${args.collection}.`)
  }
  const { docs } = await ctx.payload.find({
    collection: args.collection,
    where: { id: { equals: claims.id } },
    draft: true,
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
    ...localeOptions(args.locale),
    select: args.select as never,
  })
  const doc = docs[0] as T | undefined
  // Marked, so fields that read more of the document (translation state) read the draft too.
  return doc ? Object.assign(localized(doc, args.locale), { __preview: true as const }) : null
}
