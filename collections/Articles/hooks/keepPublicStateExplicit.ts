import { saveVersion, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { readFlag, setFlag } from '../../../src/lib/requestFlags'

import { hasRole } from '../../../src/access/roles'
import { isLive } from '../../../src/lib/isLive'
import { contentFingerprint, liveAllLocales } from '../../../src/review'
import { RefusedSave } from '../../../src/review'

export const UNPUBLISH_NEEDS_REASON =
  'This article is live. Saving it with status "draft" would take it offline: use Unpublish, which asks for a reason (POST /api/articles/:id/unpublish with {"reason": "…"}).'

type UpdateArgs = {
  id?: string | number
  where?: unknown
  draft?: boolean
  data?: Record<string, unknown>
  req: PayloadRequest
}

/** Set by the unpublish endpoint for the one save it makes. */
export const unpublishing = (req: PayloadRequest, id: string | number | undefined) =>
  id !== undefined && String(readFlag(req, 'havenUnpublish') ?? '') === String(id)

/**
 * "Revert to published" in the admin reads the live document and saves it back with
 * `_status: 'published'`. Payload would merge it with the pending draft's other locales and ask
 * the review workflow to approve it again. A save based on the live version (its `updatedAt`)
 * that publishes exactly the live content is that revert: the live document is made the latest
 * version first, so the draft is discarded, nothing new goes public, and the publish that follows
 * keeps the live review record.
 */
async function revertToPublished(args: UpdateArgs): Promise<void> {
  const { id, data = {}, req } = args
  if (id === undefined || data.updatedAt == null) return
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return
  const live = await liveAllLocales(req, id)
  if (live?._status !== 'published') return
  if (Date.parse(String(data.updatedAt)) !== Date.parse(String(live.updatedAt))) return
  const [saving, current] = await Promise.all([
    contentFingerprint({ data, req, stored: live }),
    contentFingerprint({ data: {}, req, stored: live }),
  ])
  if (saving !== current) return
  await saveVersion({
    id,
    collection: req.payload.collections.articles.config,
    docWithLocales: live,
    draft: false,
    operation: 'update',
    payload: req.payload,
    req,
  })
  setFlag(req, 'havenRevert', String(id))
}

export const RESTORE_AS_DRAFT =
  'This article is live: restoring an unpublished version over it would take it offline. Restore it as a draft (draft=true), then have it approved and published.'

/**
 * Restoring a version without `draft=true` writes it over the main document: restoring an old
 * draft over a live article would take it offline. That is refused (Payload reads the draft flag
 * before any hook, so it cannot be turned into a draft restore here); restoring a published
 * version stays a publish, which the review step checks like any other.
 */
async function refuseRestoreOverLive(args: UpdateArgs) {
  if (args.draft || args.id === undefined) return
  const { docs } = await args.req.payload.db.findVersions({
    collection: 'articles',
    where: { id: { equals: args.id } },
    limit: 1,
    pagination: false,
    req: args.req,
  })
  const version = docs[0] as { parent?: unknown; version?: { _status?: string } } | undefined
  if (!version || version.version?._status === 'published') return
  const parent = version.parent
  const id = parent && typeof parent === 'object' ? (parent as { id: string | number }).id : parent
  if (await isLive(args.req, 'articles', id as string | number))
    throw new RefusedSave(RESTORE_AS_DRAFT)
}

/**
 * A save can change what the public sees only by publishing (`_status: 'published'`, which the
 * review workflow checks) or through the unpublish endpoint (with a reason, audited). Payload
 * treats a save without `draft=true` as a write of the main document, which for a live article
 * with a pending draft puts the draft over the live version and takes the article offline. Such
 * saves are turned into draft saves; an explicit `_status: 'draft'` without `draft=true` (an
 * unpublish with no reason) is refused with a 400.
 */
export const keepPublicStateExplicit: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  // Server code with no user (seed, import, tests' fixtures) is trusted, as in the review step.
  if (!req.user || readFlag(req, 'skipReviewWorkflow')) return args
  if (operation === 'restoreVersion') {
    await refuseRestoreOverLive(args as UpdateArgs)
    return args
  }
  if (operation !== 'update') return args
  const update = args as UpdateArgs
  if (update.draft) return args
  const status = update.data?._status
  if (status === 'published') {
    await revertToPublished(update)
    return args
  }
  if (status === 'draft') {
    if (unpublishing(req, update.id)) return args
    if (update.id === undefined || (await isLive(req, 'articles', update.id)))
      throw new RefusedSave(UNPUBLISH_NEEDS_REASON)
  }
  return { ...args, draft: true }
}
