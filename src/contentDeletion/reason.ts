import type { PayloadRequest } from 'payload'

import { clearFlag, readFlag, setFlag } from '../lib/requestFlags'

/**
 * The deletion a caller explained, carried from the delete endpoint to the hooks of the same
 * request: which document, and why. Keyed by id so a bulk delete that happens to share the
 * request never borrows one document's reason for another.
 */
export function giveDeleteReason(req: PayloadRequest, id: string | number, reason: string): void {
  setFlag(req, 'havenDeleteReason', { id: String(id), reason })
}

export function clearDeleteReason(req: PayloadRequest): void {
  clearFlag(req, 'havenDeleteReason')
}

/** The reason given for deleting this document in this request, if one was. */
export function deleteReasonFor(
  req: PayloadRequest,
  id: string | number | undefined,
): string | undefined {
  const given = readFlag(req, 'havenDeleteReason')
  return given && id !== undefined && given.id === String(id) ? given.reason : undefined
}
