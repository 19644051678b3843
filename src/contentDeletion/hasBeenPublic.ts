import type { CollectionSlug, PayloadRequest, SanitizedCollectionConfig } from 'payload'

type Stored = { _status?: string | null; publishedAt?: string | null }

/**
 * Whether the public has ever been able to see this document. A collection without drafts has no
 * private state: everything in it is public. Otherwise it is live now, was stamped on a first
 * publish, or has a published version in its history. Read at adapter level inside the request's
 * transaction: the caller's access rules must not hide the history this decision rests on.
 */
export async function hasBeenPublic(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: string | number,
): Promise<boolean> {
  if (!collection.versions?.drafts) return true
  const slug = collection.slug as CollectionSlug
  const stored = (await req.payload.db.findOne({
    collection: slug,
    where: { id: { equals: id } },
    req,
  })) as Stored | null
  if (!stored) return false
  if (stored._status === 'published' || stored.publishedAt) return true
  const { docs } = await req.payload.db.findVersions({
    collection: slug,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    limit: 1,
    pagination: false,
    req,
  })
  return docs.length > 0
}
