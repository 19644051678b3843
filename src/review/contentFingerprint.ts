import crypto from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { richTextForScan } from '../privacy/publicTexts'

type Doc = Record<string, unknown>

const LOCALIZED = ['title', 'summary', 'body'] as const

function sourcesOf(value: unknown) {
  if (!Array.isArray(value)) return []
  return (value as Doc[]).map((s) => [s.title ?? '', s.publisher ?? '', s.year ?? '', s.url ?? ''])
}

/**
 * A hash of what a reviewer vouches for: title, summary, body text and links in every locale, and
 * the sources. Formatting is left out on purpose: making a word bold needs no new review. The
 * stored latest version supplies the locales this save does not touch.
 */
export async function contentFingerprint(args: {
  data: Doc
  id?: string | number
  req: PayloadRequest
}): Promise<string> {
  const { data, id, req } = args
  const localization = req.payload.config.localization
  const codes = localization ? localization.localeCodes : ['default']
  const current = req.locale && req.locale !== 'all' ? req.locale : codes[0]
  return fingerprintOf(data, id ? await latestVersionAllLocales(req, id) : {}, codes, current)
}

// findByID({ draft: true, locale: 'all' }) answers with the published document, not the newest
// draft, so the newest version is read the way Payload's own update operation reads it.
async function latestVersionAllLocales(req: PayloadRequest, id: string | number): Promise<Doc> {
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
  const doc = await req.payload.db.findOne({
    collection: 'articles',
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })
  return (doc ?? {}) as Doc
}

function fingerprintOf(data: Doc, stored: Doc, codes: string[], current: string): string {
  const valueIn = (field: string, locale: string): unknown => {
    if (locale === current && field in data) return data[field]
    const raw = stored[field]
    return raw && typeof raw === 'object' && locale in (raw as Doc)
      ? (raw as Doc)[locale]
      : undefined
  }
  const content = codes.map((code) => [
    code,
    ...LOCALIZED.map((field) => {
      const value = valueIn(field, code)
      return field === 'body' ? richTextForScan(value) : String(value ?? '').trim()
    }),
  ])
  const sources = sourcesOf('sources' in data ? data.sources : stored.sources)
  return crypto.createHash('sha256').update(JSON.stringify({ content, sources })).digest('hex')
}
