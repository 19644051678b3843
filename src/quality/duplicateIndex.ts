import type { PayloadRequest } from 'payload'

import {
  compareSignatures,
  CONTAINMENT_THRESHOLD,
  DUPLICATE_THRESHOLD,
  type TextSignature,
} from './textSignature'
import { idOf } from '../lib/ids'
import type { ArticleSignature } from '../payload-types'

export type DuplicateMatch = {
  article: string
  title: string
  /** Spun-duplicate score (structure and vocabulary). */
  score: number
  /** Share of the other article's wording that this text contains word for word. */
  contains: number
  /** Share of this text's wording found in the other article. */
  containedIn: number
}

type Sketches = Pick<TextSignature, 'structure' | 'vocabulary' | 'text' | 'textCount'>
type Candidate = Pick<ArticleSignature, 'id' | 'article' | 'title' | 'updatedAt'>
type SketchRow = Pick<
  ArticleSignature,
  'id' | 'structure' | 'vocabulary' | 'text' | 'textCount' | 'updatedAt'
>

/**
 * Sketches of index rows already read, by row id and its updatedAt: a candidate is scored from
 * here unless its row changed since (another process saved it), so a check reads the band lookup
 * (ids only) and just the rows it has not seen. A rolled-back save leaves an entry whose updatedAt
 * no committed row has, so it is never used. Bounded: the oldest entries go first.
 */
const sketchCache = new Map<string, { updatedAt: string; sketches: Sketches }>()
const MAX_CACHED = 50_000
const READ_PAGE = 500

function remember(id: string, updatedAt: string, sketches: Sketches) {
  sketchCache.delete(id)
  sketchCache.set(id, { updatedAt, sketches })
  if (sketchCache.size > MAX_CACHED) sketchCache.delete(sketchCache.keys().next().value!)
}

type SqlAdapter = {
  drizzle?: unknown
  sessions?: Record<string, { db?: unknown } | undefined>
  tables?: Record<string, unknown>
  execute?: (args: {
    db?: unknown
    drizzle?: unknown
    raw: string
  }) => Promise<{ rows: Record<string, unknown>[] }>
}

// Band keys as textSignature writes them ("s1a-1rttw3j"): letters, digits and dashes only, so safe
// to write into SQL as they are; anything else takes the generic path.
const BAND_KEY = /^[a-z][0-9a-z]*-[-0-9a-z]+$/

/** The same instant however the adapter hands it over (ISO text, SQL text, a Date). */
const instant = (value: unknown) => new Date(value as string).toISOString()

const LOCALE_CODE = /^[a-z]{2}(-[A-Za-z]{2})?$/

/**
 * The index rows (in `locale`) sharing a band key, on the SQL adapters; null elsewhere (MongoDB
 * answers `bands in [...]` from its multikey index directly). Payload reads a has-many `in` as a
 * join of every index row with all of its ~136 keys, then reads the rows again by id: at 10,000
 * articles that was 40 of a check's 50 ms. One query driven by the keys' own index (`text`)
 * answers it in a few. Runs in the save's transaction, if any: re-checking an older article must
 * see the new article's index row written moments before.
 */
async function rowsSharingABand(
  req: PayloadRequest,
  bands: string[],
  locale: string,
): Promise<Candidate[] | null> {
  const db = req.payload.db as unknown as SqlAdapter
  if (!db.execute || !db.drizzle || !db.tables?.article_signatures_texts) return null
  if (!LOCALE_CODE.test(locale) || !bands.every((band) => BAND_KEY.test(band))) return null
  const keys = bands.map((band) => `'${band}'`).join(', ')
  const transaction = req.transactionID ? db.sessions?.[String(await req.transactionID)]?.db : null
  const { rows } = await db.execute({
    ...(transaction ? { db: transaction } : { drizzle: db.drizzle }),
    raw: `SELECT id, article_id, title, updated_at FROM article_signatures WHERE locale = '${locale}' AND id IN (SELECT parent_id FROM article_signatures_texts WHERE path = 'bands' AND text IN (${keys}))`,
  })
  return rows.map((row) => ({
    id: row.id as number,
    article: row.article_id as number | null,
    title: (row.title as string | null) ?? null,
    updatedAt: instant(row.updated_at),
  }))
}

/**
 * Articles (in the same locale) whose stored signature shares an LSH band with `signature` and
 * scores as a likely duplicate, or contains or is contained in a sizeable share of its wording,
 * best first. Every row sharing a key is scored (completeness is the point, see textSignature.ts);
 * only the index is read, never article bodies.
 */
export async function findDuplicates(
  req: PayloadRequest,
  signature: TextSignature,
  { locale, exclude }: { locale: string; exclude?: string | number },
): Promise<DuplicateMatch[]> {
  if (signature.bands.length === 0) return []
  // Adapter-level reads: the index is server-only data read with a fixed select, and the Local
  // API's per-document pipeline (afterRead over every field) cost more than the query itself once
  // a check had a thousand candidates.
  const sharing =
    (await rowsSharingABand(req, signature.bands, locale)) ??
    (
      await req.payload.db.find<Candidate>({
        collection: 'article-signatures',
        where: { and: [{ bands: { in: signature.bands } }, { locale: { equals: locale } }] },
        select: { article: true, title: true, updatedAt: true },
        pagination: false,
        req,
      })
    ).docs.map((doc) => ({ ...doc, updatedAt: instant(doc.updatedAt) }))
  const candidates =
    exclude == null ? sharing : sharing.filter((c) => idOf(c.article) !== String(exclude))
  const stale = candidates
    .filter((c) => sketchCache.get(String(c.id))?.updatedAt !== c.updatedAt)
    .map((c) => c.id)
  for (let i = 0; i < stale.length; i += READ_PAGE) {
    const { docs } = await req.payload.db.find<SketchRow>({
      collection: 'article-signatures',
      where: { id: { in: stale.slice(i, i + READ_PAGE) } },
      select: { structure: true, vocabulary: true, text: true, textCount: true, updatedAt: true },
      pagination: false,
      req,
    })
    for (const doc of docs)
      remember(String(doc.id), instant(doc.updatedAt), {
        structure: (doc.structure as number[]) ?? [],
        vocabulary: (doc.vocabulary as number[]) ?? [],
        text: (doc.text as number[] | null) ?? [],
        textCount: doc.textCount ?? 0,
      })
  }

  const matches: DuplicateMatch[] = []
  for (const candidate of candidates) {
    const cached = sketchCache.get(String(candidate.id))
    if (candidate.article == null || !cached) continue
    const similarity = compareSignatures(signature, cached.sketches)
    if (
      similarity.score >= DUPLICATE_THRESHOLD ||
      similarity.containsB >= CONTAINMENT_THRESHOLD ||
      similarity.containsA >= CONTAINMENT_THRESHOLD
    )
      matches.push({
        article: idOf(candidate.article) ?? '',
        title: candidate.title ?? '',
        score: similarity.score,
        contains: similarity.containsB,
        containedIn: similarity.containsA,
      })
  }
  const share = (m: DuplicateMatch) => Math.max(m.contains, m.containedIn)
  return matches.sort((a, b) => b.score - a.score || share(b) - share(a))
}

/** Stores (or replaces, or removes when the text is too short) an article's signature. */
export async function saveSignature(
  req: PayloadRequest,
  article: string | number,
  locale: string,
  title: string,
  signature: TextSignature | null,
): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'article-signatures',
    where: { and: [{ article: { equals: article } }, { locale: { equals: locale } }] },
    select: {},
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  const existing = docs[0]?.id
  if (!signature) {
    if (existing != null)
      await req.payload.delete({ collection: 'article-signatures', id: existing, req })
    return
  }
  const data = { article: article as number, locale, title, ...signature }
  if (existing != null)
    await req.payload.update({
      collection: 'article-signatures',
      id: existing,
      data,
      depth: 0,
      req,
    })
  else await req.payload.create({ collection: 'article-signatures', data, depth: 0, req })
}
