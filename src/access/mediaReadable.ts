import type { Access, FlattenedField, Payload, Where } from 'payload'

type Relation = { collection: string; path: string[] }

/**
 * Every place published content points at a media document: upload and relationship fields to
 * `media` in collections with drafts (articles' hero image, the SEO image of articles and groups),
 * read from the config so a new one is covered without editing this file. Fields with their own
 * read rule (a group's private details) are skipped: what they point at is not public.
 */
function mediaRelations(payload: Payload): Relation[] {
  const found: Relation[] = []
  const walk = (collection: string, fields: FlattenedField[], path: string[]) => {
    for (const field of fields) {
      if ('access' in field && field.access?.read) continue
      if (field.type === 'upload' || field.type === 'relationship') {
        const to = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
        if (to.includes('media')) found.push({ collection, path: [...path, field.name] })
      } else if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
        if ('flattenedFields' in field)
          walk(collection, field.flattenedFields, [...path, field.name])
      }
    }
  }
  for (const { config } of Object.values(payload.collections)) {
    if (config.slug !== 'media' && config.versions?.drafts)
      walk(config.slug, config.flattenedFields, [])
  }
  return found
}

// The ids a value at `path` holds: plain ids, populated docs, polymorphic {relationTo, value},
// through arrays on the way.
function idsAt(value: unknown, path: string[]): unknown[] {
  if (value == null) return []
  if (Array.isArray(value)) return value.flatMap((item) => idsAt(item, path))
  if (path.length > 0) return idsAt((value as Record<string, unknown>)[path[0]], path.slice(1))
  if (typeof value === 'object') {
    const v = value as { id?: unknown; relationTo?: string; value?: unknown }
    if (v.relationTo !== undefined) return v.relationTo === 'media' ? idsAt(v.value, []) : []
    return v.id === undefined ? [] : [v.id]
  }
  return [value]
}

/** Ids of the media documents that published content uses now. */
export async function publishedMediaIds(payload: Payload): Promise<Array<string | number>> {
  const byCollection = new Map<string, string[][]>()
  for (const { collection, path } of mediaRelations(payload))
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), path])
  const ids = new Set<string | number>()
  for (const [collection, paths] of byCollection) {
    const { docs } = await payload.find({
      collection: collection as 'articles',
      where: { _status: { equals: 'published' } },
      select: Object.fromEntries(paths.map((p) => [p[0], true])),
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs)
      for (const path of paths) for (const id of idsAt(doc, path)) ids.add(id as string | number)
  }
  return [...ids]
}

/**
 * Staff read every upload. Anyone else reads a file, or one media document by id, only while
 * published content uses it, and may not list media over HTTP at all: the list would show
 * uploads meant only for drafts. Server code for the public API (the Local API) asks for the
 * media of what it is serving and gets the same published-only subset.
 */
export const mediaReadable: Access = async ({ req, id, isReadingStaticFile }) => {
  if (req.user) return true
  if (id === undefined && !isReadingStaticFile && req.payloadAPI !== 'local') return false
  const ids = await publishedMediaIds(req.payload)
  const none: Where = { id: { exists: false } }
  return ids.length > 0 ? { id: { in: ids } } : none
}
