import type { Where } from 'payload'

import type { SupportGroup } from '../../payload-types'
import type { HavenContext } from '../context'
import { badInput } from '../errors'
import { localeOptions, localized, type Locale, type Localized } from '../locale'
import { topicSubtree } from './articles'
import { compareIds, decodeCursor, pageSize, toConnection } from './cursor'
import { boundingBox, haversineKm } from './geo'
import { GROUP_SELECT } from './selects'

// Partial: reads select only GROUP_SELECT, which includes updatedAt (the schema promises it).
export type GroupDoc = Partial<Omit<SupportGroup, 'private' | 'coordinators'>> &
  Pick<SupportGroup, 'id' | 'updatedAt'> & { __distanceKm?: number }

type Near = { lat: number; lng: number; radiusKm?: number | null }

export type GroupFilter = {
  topic?: string | null
  format?: string | null
  language?: string | null
  openToNewMembers?: boolean | null
  near?: Near | null
}

type GroupsArgs = {
  filter?: GroupFilter | null
  first?: number | null
  after?: string | null
  locale: Locale
}

const MAX_RADIUS_KM = 500
// A radius search sorts by distance in memory; this bounds the rows one request may pull in.
const MAX_NEAR_CANDIDATES = 2000

const published: Where = { _status: { equals: 'published' } }

type CheckedNear = { lat: number; lng: number; radiusKm: number }

function checkNear(near: Near): CheckedNear {
  const radiusKm = near.radiusKm ?? 25
  if (!(near.lat >= -90 && near.lat <= 90)) throw badInput('near.lat must be between -90 and 90.')
  if (!(near.lng >= -180 && near.lng <= 180)) {
    throw badInput('near.lng must be between -180 and 180.')
  }
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
    throw badInput(`near.radiusKm must be more than 0 and at most ${MAX_RADIUS_KM}.`)
  }
  return { lat: near.lat, lng: near.lng, radiusKm }
}

async function groupWhere(ctx: HavenContext, filter: GroupFilter, locale: Locale) {
  const and: Where[] = [published]
  if (filter.topic != null) {
    and.push({ topics: { in: await topicSubtree(ctx, filter.topic, locale) } })
  }
  if (filter.format) and.push({ format: { equals: filter.format } })
  if (filter.language != null) {
    if (!/^[a-z]{2,3}$/.test(filter.language)) {
      throw badInput('filter.language must be a two- or three-letter code such as en or es.')
    }
    and.push({ languages: { in: [filter.language] } })
  }
  if (filter.openToNewMembers != null) {
    and.push({ openToNewMembers: { equals: filter.openToNewMembers } })
  }
  return and
}

const find = (ctx: HavenContext, where: Where, locale: Locale, limit: number, sort: string[]) =>
  ctx.payload.find({
    collection: 'support-groups',
    where,
    sort,
    limit,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    ...localeOptions(locale),
    select: GROUP_SELECT,
  })

/** Groups within a radius, nearest first: a bounding box in the database, then exact distance. */
async function findNear(ctx: HavenContext, and: Where[], near: CheckedNear, args: GroupsArgs) {
  const first = pageSize(args.first)
  const cursor = decodeCursor(args.after)
  const box = boundingBox(near.lat, near.lng, near.radiusKm)
  const where: Where = {
    and: [
      ...and,
      { 'area.lat': { greater_than_equal: box.minLat } },
      { 'area.lat': { less_than_equal: box.maxLat } },
      {
        or: box.lngRanges.map(([west, east]) => ({
          and: [
            { 'area.lng': { greater_than_equal: west } },
            { 'area.lng': { less_than_equal: east } },
          ],
        })),
      },
    ],
  }
  const { docs } = await find(ctx, where, args.locale, MAX_NEAR_CANDIDATES, ['id'])
  const within = (docs as GroupDoc[])
    .map((doc) => {
      const distance = haversineKm(near.lat, near.lng, doc.area?.lat ?? NaN, doc.area?.lng ?? NaN)
      return Object.assign(doc, { __distanceKm: Math.round(distance * 100) / 100 })
    })
    .filter((doc) => doc.__distanceKm <= near.radiusKm)
    .sort((a, b) => a.__distanceKm - b.__distanceKm || compareIds(a.id, b.id))
  const start = cursor
    ? within.findIndex(
        (d) =>
          d.__distanceKm > Number(cursor[0]) ||
          (d.__distanceKm === Number(cursor[0]) && compareIds(d.id, cursor[1]) > 0),
      )
    : 0
  const rest = start < 0 ? [] : within.slice(start)
  return toConnection(
    rest.slice(0, first + 1).map((doc) => localized(doc, args.locale)),
    first,
    Boolean(cursor),
    (row) => [row.__distanceKm ?? null, String(row.id)],
    async () => within.length,
  )
}

/** A page of published groups, by slug, or nearest first when `near` is given. */
export async function findGroups(ctx: HavenContext, args: GroupsArgs) {
  const filter = args.filter ?? {}
  const and = await groupWhere(ctx, filter, args.locale)
  if (filter.near) return findNear(ctx, and, checkNear(filter.near), args)
  const first = pageSize(args.first)
  const cursor = decodeCursor(args.after)
  const where: Where = { and: cursor ? [...and, { slug: { greater_than: cursor[0] } }] : and }
  const { docs } = await find(ctx, where, args.locale, first + 1, ['slug'])
  return toConnection(
    (docs as GroupDoc[]).map((doc) => localized(doc, args.locale)),
    first,
    Boolean(cursor),
    (row) => [row.slug ?? null, String(row.id)],
    async () =>
      (
        await ctx.payload.count({
          collection: 'support-groups',
          where: { and },
          overrideAccess: false,
        })
      ).totalDocs,
  )
}

/** A published group by current slug, else by a slug it was published under before. */
export async function findGroupBySlug(
  ctx: HavenContext,
  slug: string,
  locale: Locale,
): Promise<Localized<GroupDoc> | null> {
  const where: Where = {
    and: [
      published,
      { or: [{ slug: { equals: slug } }, { 'previousSlugs.slug': { equals: slug } }] },
    ],
  }
  const { docs } = await find(ctx, where, locale, 2, ['id'])
  const rows = docs as GroupDoc[]
  const doc = rows.find((d) => d.slug === slug) ?? rows[0]
  return doc ? localized(doc, locale) : null
}
