import type { GlobalBeforeChangeHook, PayloadRequest } from 'payload'
import { readFlag } from '../../../lib/requestFlags'

import { asValidationError } from '../../../review'
import { fingerprintOf } from '../../../review'
import { nextReviewState, type Actor } from '../../../review'
import { REVIEWED_CRISIS_FIELDS } from '../../../review'
import type { ReviewState } from '../../../review'

type Doc = Record<string, unknown>

export const CRISIS_SLUG = 'crisis-resources'

/** The published crisis resources in every locale (the main row holds the live version). */
export async function liveCrisisResources(req: PayloadRequest): Promise<Doc | null> {
  return (await req.payload.db.findGlobal({ slug: CRISIS_SLUG, locale: 'all', req })) as Doc | null
}

async function latestAllLocales(req: PayloadRequest): Promise<Doc> {
  const { docs } = await req.payload.db.findGlobalVersions({
    global: CRISIS_SLUG,
    where: { latest: { equals: true } },
    locale: 'all',
    limit: 1,
    pagination: false,
    sort: '-updatedAt',
    req,
  })
  return (docs[0]?.version as Doc | undefined) ?? (await liveCrisisResources(req)) ?? {}
}

export const crisisFingerprint = (req: PayloadRequest, data: Doc, stored: Doc) =>
  fingerprintOf({
    fields: req.payload.globals.config.find((g) => g.slug === CRISIS_SLUG)!.flattenedFields,
    paths: REVIEWED_CRISIS_FIELDS,
    data,
    stored,
    req,
  })

/**
 * The crisis helplines go through the same review step as articles: whoever changed them cannot
 * approve them, and only an approved version can be published. Helplines are exempt from the
 * privacy check in articles, so an unreviewed number must never reach the live list.
 */
export const enforceCrisisReview: GlobalBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (readFlag(req, 'skipReviewWorkflow')) return data
  const before = ((originalDoc as Doc | undefined)?.review ?? {}) as ReviewState
  if (readFlag(req, 'havenRevert') === CRISIS_SLUG) return { ...data, review: before }
  const live = await liveCrisisResources(req)
  const now = new Date().toISOString()
  return asValidationError(
    async () => {
      const review = nextReviewState({
        before,
        requested: (data.review as ReviewState | undefined)?.status,
        fingerprint: await crisisFingerprint(req, data, await latestAllLocales(req)),
        actor: req.user as Actor,
        authorId: null,
        live: Boolean(live) && live?._status !== 'draft',
        publishing: data._status === 'published',
        enforceWithoutUser: false,
        now,
      })
      return {
        ...data,
        review: { ...review, note: (data.review as ReviewState | undefined)?.note ?? before.note },
      }
    },
    { global: CRISIS_SLUG },
  )
}
