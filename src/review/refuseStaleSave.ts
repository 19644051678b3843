import type { CollectionBeforeValidateHook, GlobalBeforeValidateHook } from 'payload'
import { readFlag } from '../lib/requestFlags'

import { RefusedSave } from './RefusedSave'

export const STALE_SAVE_MESSAGE = 'Someone else changed this; reload to see their changes.'

/**
 * Refuses a save based on an older version than the stored one. The admin form (and its
 * autosave) sends the `updatedAt` it loaded, and takes the new one from each save's answer, so a
 * tab that missed someone else's save carries an older value. `originalDoc` is the latest
 * version, as Payload read it for this save. A save that sends no `updatedAt` (server code
 * changing a few fields, such as a workflow action) has no base version and is not compared.
 */
function assertCurrent(data: Record<string, unknown> | undefined, stored: unknown) {
  const sent = data?.updatedAt
  if (sent == null || sent === '' || stored == null) return
  if (Date.parse(String(sent)) !== Date.parse(String(stored)))
    throw new RefusedSave(STALE_SAVE_MESSAGE, 409)
}

// Restoring a version is a deliberate choice of an older version, whose updatedAt it carries.
export const refuseStaleSave: CollectionBeforeValidateHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && !readFlag(req, 'isRestoringVersion'))
    assertCurrent(data, originalDoc?.updatedAt)
  return data
}

export const refuseStaleGlobalSave: GlobalBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!readFlag(req, 'isRestoringVersion'))
    assertCurrent(data, (originalDoc as { updatedAt?: unknown } | undefined)?.updatedAt)
  return data
}
