import { saveVersion, type GlobalBeforeOperationHook, type PayloadRequest } from 'payload'
import { readFlag, setFlag } from '../../../lib/requestFlags'

import { hasRole } from '../../../access/roles'
import { CRISIS_SLUG, crisisFingerprint, liveCrisisResources } from './enforceCrisisReview'

type UpdateArgs = { draft?: boolean; data?: Record<string, unknown>; req: PayloadRequest }

/**
 * A user's save of the crisis resources is a draft unless it publishes (which needs approval):
 * Payload would otherwise write a plain save straight over the live helplines. "Revert to
 * published" (a save based on the live version that republishes it unchanged) makes the live
 * version the latest again, discarding the draft, and needs no approval.
 */
export const keepCrisisDraftUntilPublished: GlobalBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update') return args
  const update = args as UpdateArgs
  const data = update.data ?? {}
  if (update.draft) return args
  // Server code with no user (seed, setup scripts) is trusted: its plain save publishes, as it did
  // before the global had drafts.
  if (!req.user || readFlag(req, 'skipReviewWorkflow'))
    return data._status === undefined ? { ...args, data: { ...data, _status: 'published' } } : args
  if (data._status !== 'published') return { ...args, draft: true }
  if (data.updatedAt == null || !hasRole(req.user, 'admin', 'editor', 'reviewer')) return args
  const live = await liveCrisisResources(req)
  if (!live || live._status === 'draft') return args
  if (Date.parse(String(data.updatedAt)) !== Date.parse(String(live.updatedAt))) return args
  const [saving, current] = await Promise.all([
    crisisFingerprint(req, data, live),
    crisisFingerprint(req, {}, live),
  ])
  if (saving !== current) return args
  await saveVersion({
    global: req.payload.globals.config.find((g) => g.slug === CRISIS_SLUG)!,
    docWithLocales: live,
    draft: false,
    operation: 'update',
    payload: req.payload,
    req,
  })
  setFlag(req, 'havenRevert', CRISIS_SLUG)
  return args
}
