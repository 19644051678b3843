import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * Whether a document of a collection with drafts has a published version. Saving a draft over it
 * leaves the main document published (and unpublishing does not), so the stored main document,
 * not the latest version or the document a hook holds, answers this.
 */
export async function isLive(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number | undefined,
): Promise<boolean> {
  if (id === undefined) return false
  const stored = await req.payload.db.findOne<{ id: string | number; _status?: string | null }>({
    collection,
    req,
    where: { id: { equals: id } },
  })
  return stored?._status === 'published'
}
