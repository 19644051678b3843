import { APIError, type CollectionBeforeChangeHook } from 'payload'
import type { Media } from '../../../src/payload-types'

import { publishedMediaIds } from '../../../src/access/mediaReadable'
import { isReviewer } from '../../../src/access/roles'

export const LIVE_IMAGE_NEEDS_REVIEWER =
  'Live content shows this image, so its alt text, credit and file are reviewed content. Upload a new image and set it on the draft (it is then approved with the article), or ask a reviewer to make this change.'

// What readers are told about an image beside published content. (The focal point only moves
// crops, and the admin form sends its default with every save, so it is not compared.)
const PUBLIC_FIELDS = ['alt', 'credit'] as const

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null)

/**
 * An image that published content uses is part of what a reviewer approved: its alt text is read
 * out with the article, and an in-place change would reach the public at once, unreviewed. Only
 * reviewers and admins change those fields (or replace the file) in place; anyone else gets a
 * 403 that says what to do instead. Images not used by published content stay freely editable.
 */
export const guardLiveImage: CollectionBeforeChangeHook<Media> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !req.user || isReviewer(req.user)) return data
  const changesFile = Boolean(req.file) || !same(data.filename, originalDoc?.filename)
  const changesText = PUBLIC_FIELDS.some((f) => f in data && !same(data[f], originalDoc?.[f]))
  if (!changesFile && !changesText) return data
  const live = (await publishedMediaIds(req.payload)).map(String)
  if (live.includes(String(originalDoc?.id)))
    throw new APIError(LIVE_IMAGE_NEEDS_REVIEWER, 403, null, true)
  return data
}
