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
  const { docs: candidates } = await req.payload.db.find<Candidate>({
    collection: 'article-signatures',
    where: {
      and: [
        { bands: { in: signature.bands } },
        { locale: { equals: locale } },
        ...(exclude != null ? [{ article: { not_equals: exclude } }] : []),
      ],
    },
    select: { article: true, title: true, updatedAt: true },
    pagination: false,
    req,
  })
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
      remember(String(doc.id), doc.updatedAt, {
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
