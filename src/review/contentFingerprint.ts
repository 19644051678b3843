import crypto from 'node:crypto'
import type { FlattenedField, PayloadRequest } from 'payload'

import { richTextForScan } from '../privacy'
import { REVIEWED_ARTICLE_FIELDS } from './reviewedFields'
import { idOf } from '../lib/ids'

type Doc = Record<string, unknown>
type StoredDoc = Doc & { id: string | number }

type Covered = { path: string[]; field: FlattenedField; localized: boolean }

function resolve(fields: FlattenedField[], path: string): Covered {
  const segments = path.split('.')
  let list = fields
  let localized = false
  let found: FlattenedField | undefined
  for (const name of segments) {
    found = list.find((f) => f.name === name)
    if (!found) throw new Error(`Reviewed field "${path}" is not a field of this document.`)
    localized ||= Boolean('localized' in found && found.localized)
    list = 'flattenedFields' in found ? found.flattenedFields : []
  }
  // A shared array with localized cells (a helpline's hours) differs per locale too.
  return { path: segments, field: found!, localized: localized || hasLocalized(list) }
}

const hasLocalized = (fields: FlattenedField[]): boolean =>
  fields.some(
    (f) =>
      Boolean('localized' in f && f.localized) ||
      ('flattenedFields' in f && hasLocalized(f.flattenedFields)),
  )

// Stored documents read with locale 'all' hold a localized cell as { en, es }.
const inLocale = (field: FlattenedField, value: unknown, locale: string) =>
  'localized' in field &&
  field.localized &&
  value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  locale in (value as Doc)
    ? (value as Doc)[locale]
    : value

const at = (doc: unknown, path: string[]): { present: boolean; value: unknown } => {
  let node = doc
  for (const key of path) {
    if (!node || typeof node !== 'object' || !(key in (node as Doc)))
      return { present: false, value: undefined }
    node = (node as Doc)[key]
  }
  return { present: true, value: node }
}

type AltOf = (id: string, locale: string) => Promise<string>

async function normalize(
  field: FlattenedField,
  value: unknown,
  locale: string,
  altOf: AltOf,
): Promise<unknown> {
  switch (field.type) {
    case 'richText':
      return richTextForScan(value)
    case 'upload':
    case 'relationship': {
      const ids = (Array.isArray(value) ? value : [value])
        .map(idOf)
        .filter((id): id is string => id !== null)
      // The image's alt text is read out to readers with the article, so it is covered too.
      if (field.type === 'upload')
        return Promise.all(ids.map(async (id) => [id, await altOf(id, locale)]))
      return ids
    }
    case 'array': {
      const rows = Array.isArray(value) ? (value as Doc[]) : []
      return Promise.all(
        rows.map((row) =>
          Promise.all(
            field.flattenedFields
              .filter((f) => f.name !== 'id')
              .map((f) => normalize(f, inLocale(f, row?.[f.name], locale), locale, altOf)),
          ),
        ),
      )
    }
    default:
      if (Array.isArray(value)) return value.map((v) => String(v ?? '').trim())
      return String(value ?? '').trim()
  }
}

/**
 * A hash of what a reviewer vouches for: the given field paths, in every locale for localized
 * ones, with an image's alt text. Formatting is left out on purpose: making a word bold needs no
 * new review. `stored` (all locales) supplies what this save does not touch.
 */
export async function fingerprintOf(args: {
  fields: FlattenedField[]
  paths: readonly string[]
  data: Doc
  stored: Doc
  req: PayloadRequest
}): Promise<string> {
  const { fields, paths, data, stored, req } = args
  const localization = req.payload.config.localization
  const codes = localization ? localization.localeCodes : ['default']
  const current = req.locale && req.locale !== 'all' ? req.locale : codes[0]
  const media = new Map<string, Promise<StoredDoc | null>>()
  const altOf: AltOf = async (mediaId, locale) => {
    if (!media.has(mediaId))
      media.set(
        mediaId,
        req.payload.db.findOne<StoredDoc>({
          collection: 'media',
          where: { id: { equals: mediaId } },
          locale: 'all',
          req,
        }),
      )
    const alt = (await media.get(mediaId))?.alt
    return String((alt && typeof alt === 'object' ? (alt as Doc)[locale] : alt) ?? '').trim()
  }

  const content: unknown[] = []
  for (const name of paths) {
    const covered = resolve(fields, name)
    for (const code of covered.localized ? codes : [current]) {
      const incoming = at(data, covered.path)
      let value: unknown
      if ((code === current || !covered.localized) && incoming.present) value = incoming.value
      else value = inLocale(covered.field, at(stored, covered.path).value, code)
      content.push([
        name,
        covered.localized ? code : '*',
        await normalize(covered.field, value, code, altOf),
      ])
    }
  }
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/** The fingerprint of an article: REVIEWED_ARTICLE_FIELDS over its stored latest version. */
export async function contentFingerprint(args: {
  data: Doc
  id?: string | number
  req: PayloadRequest
  /** The stored document to fill in from (all locales); read from the database when absent. */
  stored?: Doc
}): Promise<string> {
  const { data, id, req } = args
  return fingerprintOf({
    fields: req.payload.collections.articles.config.flattenedFields,
    paths: REVIEWED_ARTICLE_FIELDS,
    data,
    stored: args.stored ?? (id ? await latestVersionAllLocales(req, id) : {}),
    req,
  })
}

// findByID({ draft: true, locale: 'all' }) answers with the published document, not the newest
// draft, so the newest version is read the way Payload's own update operation reads it.
export async function latestVersionAllLocales(
  req: PayloadRequest,
  id: string | number,
): Promise<Doc> {
  const { docs } = await req.payload.db.findVersions({
    collection: 'articles',
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    locale: 'all',
    limit: 1,
    pagination: false,
    sort: '-updatedAt',
    req,
  })
  if (docs[0]) return docs[0].version as Doc
  return (await liveAllLocales(req, id)) ?? {}
}

/** The main (published, when the article is live) document in every locale. */
export async function liveAllLocales(req: PayloadRequest, id: string | number) {
  return req.payload.db.findOne<StoredDoc>({
    collection: 'articles',
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })
}
