import type { PayloadRequest } from 'payload'

/**
 * Whether the article has a published version. Saving a draft over it leaves the main document
 * published, so the stored main document (not the latest version) answers this.
 */
export async function isLive(req: PayloadRequest, id: string | number | undefined) {
  if (id === undefined) return false
  const stored = await req.payload.db.findOne<{ id: number; _status?: string }>({
    collection: 'articles',
    req,
    where: { id: { equals: id } },
  })
  return stored?._status === 'published'
}
