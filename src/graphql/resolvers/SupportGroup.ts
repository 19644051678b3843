import { maybeCacheControlFromInfo } from '@apollo/cache-control-types'

import { publicContact } from '../../joinRequests/settings'
import { rawIdsOf } from '../../lib/ids'
import { MAX_MEETINGS, nextMeetings } from '../../lib/nextMeetings'
import { findGroupBySlug, findGroups, type GroupDoc } from '../content/groups'
import { findDraftForPreview } from '../content/preview'
import { GROUP_SELECT } from '../content/selects'
import { badInput } from '../errors'
import type { Resolvers } from '../generated/resolvers'
import { inLocale } from './Topic'

export const supportGroupResolvers: Resolvers = {
  Query: {
    supportGroup: (_, { slug, locale, previewToken }, ctx, info) => {
      const token = previewToken ?? ctx.previewToken
      if (token) {
        return findDraftForPreview<GroupDoc>(ctx, info, {
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
    name: (g) => g.name ?? '',
    slug: (g) => g.slug ?? String(g.id),
    topics: async (g, _, ctx) => {
      const index = await ctx.loaders.topics.load(g.__locale)
      return rawIdsOf(g.topics).flatMap(
        (id) => inLocale(index.byId.get(String(id)), g.__locale) ?? [],
      )
    },
    facilitation: (g) => g.facilitation ?? 'peer-led',
    format: (g) => g.format ?? 'in-person',
    timezone: (g) => g.schedule?.timezone ?? 'UTC',
    weeklySchedule: (g) => g.schedule?.weekly ?? [],
    nextMeetings: (g, { count }, ctx, info) => {
      if (!Number.isInteger(count) || count < 1 || count > MAX_MEETINGS) {
        throw badInput(`nextMeetings(count) must be between 1 and ${MAX_MEETINGS} (got ${count}).`)
      }
      // The answer changes as meetings start: keep shared caches from holding it for long.
      maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 60 })
      if (!g.schedule) return []
      return nextMeetings(g.schedule, count, ctx.now)
    },
    languages: (g) => g.languages ?? [],
    openToNewMembers: (g) => Boolean(g.openToNewMembers),
    // The coordinator list is staff-only, so it is read past access and only its length leaves.
    takesJoinRequestsOnline: async (g, _, ctx) => {
      const stored = await ctx.payload.findByID({
        collection: 'support-groups',
        id: g.id,
        depth: 0,
        overrideAccess: true,
        select: { coordinators: true },
      })
      return rawIdsOf(stored.coordinators).length > 0
    },
    joinContact: () => publicContact() || null,
    area: (g) => g.area ?? null,
    distanceKm: (g) => g.__distanceKm ?? null,
    updatedAt: (g) => g.updatedAt,
    locale: (g) => g.__locale,
  },
  GroupFormat: { in_person: 'in-person' },
  Facilitation: { peer_led: 'peer-led', co_facilitated: 'co-facilitated' },
}
