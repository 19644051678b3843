import { maybeCacheControlFromInfo } from '@apollo/cache-control-types'

import { findDraftForPreview } from '../content/preview'
import { findGroupBySlug, findGroups, type GroupDoc } from '../content/groups'
import { GROUP_SELECT } from '../content/selects'
import { badInput } from '../errors'
import type { Localized } from '../locale'
import { MAX_MEETINGS, nextMeetings } from '../../schedule/nextMeetings'
import { idsOf } from './refs'
import { inLocale } from './Topic'
import type { ResolverMap } from './types'

type G = Localized<GroupDoc>

export const supportGroupResolvers: ResolverMap = {
  Query: {
    supportGroup: (_, { slug, locale, previewToken }, ctx, info) => {
      const token = previewToken ?? ctx.previewToken
      if (token) {
        return findDraftForPreview(ctx, info, {
          collection: 'support-groups',
          token,
          locale,
          select: GROUP_SELECT,
        })
      }
      return findGroupBySlug(ctx, slug, locale)
    },
    supportGroups: (_, args, ctx) => findGroups(ctx, args),
  },
  SupportGroup: {
    name: (g: G) => g.name ?? '',
    slug: (g: G) => g.slug ?? String(g.id),
    topics: async (g: G, _, ctx) => {
      const index = await ctx.loaders.topics.load(g.__locale)
      return idsOf(g.topics).flatMap((id) => inLocale(index.byId.get(String(id)), g.__locale) ?? [])
    },
    facilitation: (g: G) => g.facilitation ?? 'peer-led',
    format: (g: G) => g.format ?? 'in-person',
    timezone: (g: G) => g.schedule?.timezone ?? 'UTC',
    weeklySchedule: (g: G) => g.schedule?.weekly ?? [],
    nextMeetings: (g: G, { count }, ctx, info) => {
      if (!Number.isInteger(count) || count < 1 || count > MAX_MEETINGS) {
        throw badInput(`nextMeetings(count) must be between 1 and ${MAX_MEETINGS} (got ${count}).`)
      }
      // The answer changes as meetings start: keep shared caches from holding it for long.
      maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 60 })
      if (!g.schedule) return []
      return nextMeetings(g.schedule, count, ctx.now)
    },
    languages: (g: G) => g.languages ?? [],
    openToNewMembers: (g: G) => Boolean(g.openToNewMembers),
    area: (g: G) => g.area ?? null,
    distanceKm: (g: G) => g.__distanceKm ?? null,
    updatedAt: (g: G) => g.updatedAt ?? null,
    locale: (g: G) => g.__locale,
  },
  GroupFormat: { in_person: 'in-person' },
  Facilitation: { peer_led: 'peer-led', co_facilitated: 'co-facilitated' },
}
