import type { PayloadRequest } from 'payload'

/**
 * The deletion a caller explained, carried from the delete endpoint to the hooks of the same
 * request: which document, and why. Keyed by id so a bulk delete that happens to share the
 * request never borrows one document's reason for another.
 */
type DeleteReason = { id: string; reason: string }

const KEY = 'havenDeleteReason'

export function giveDeleteReason(req: PayloadRequest, id: string | number, reason: string): void {
  req.context[KEY] = { id: String(id), reason } satisfies DeleteReason
}

export function clearDeleteReason(req: PayloadRequest): void {
  delete req.context[KEY]
}

/** The reason given for deleting this document in this request, if one was. */
export function deleteReasonFor(
  req: PayloadRequest,
  id: string | number | undefined,
): string | undefined {
  const given = req.context?.[KEY] as DeleteReason | undefined
  return given && id !== undefined && given.id === String(id) ? given.reason : undefined
}
