import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isReviewer } from '../access/roles'
import { findingKey, type StoredFinding } from './types'

export const OVERRIDE_REFUSED =
  'Only a reviewer or an admin can override a content check finding. Leave the override reason empty and ask a reviewer to record one.'

/**
 * An override reason sent by someone who may not record one is refused with a 403 that says so.
 * Field access alone would drop it silently (the save answers 200 and the finding stays open),
 * and it does so before any collection hook sees the data, hence a beforeOperation hook on the
 * raw request. An unchanged reason (the admin form sends the whole document back) is not an
 * attempt.
 */
export const refuseUnauthorisedOverrides: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'update' && operation !== 'create') return args
  const incoming = (args.data as { findings?: StoredFinding[] } | undefined)?.findings
  if (!Array.isArray(incoming) || args.overrideAccess || !req.user) return args
  if (isReviewer(req.user)) return args
  const reasons = incoming.filter(
    (f) => typeof f?.overrideReason === 'string' && f.overrideReason.trim(),
  )
  if (reasons.length === 0) return args

  let stored: StoredFinding[] = []
  const id = (args as { id?: string | number }).id
  if (operation === 'update' && id != null) {
    const doc = await req.payload.findByID({
      collection: collection.slug as 'articles',
      id,
      draft: true,
      depth: 0,
      select: { findings: true },
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    stored = ((doc?.findings ?? []) as StoredFinding[]).filter((f) => f.overrideReason)
  }
  const unchanged = (f: StoredFinding) =>
    stored.some((s) =>
      (s.id != null && s.id === f.id) || (f.check && findingKey(s) === findingKey(f))
        ? s.overrideReason?.trim() === f.overrideReason?.trim()
        : false,
    )
  if (reasons.every(unchanged)) return args
  throw new APIError(OVERRIDE_REFUSED, 403, null, true)
}
