import type { PayloadRequest } from 'payload'

import { compareSignatures, DUPLICATE_THRESHOLD, type TextSignature } from './textSignature'

export type DuplicateMatch = { article: string; title: string; score: number }

/** Candidates per check; more means one boilerplate paragraph is shared by a crowd of articles. */
const MAX_CANDIDATES = 200

const idOf = (value: unknown) =>
  String(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/**
 * Articles (in the same locale) whose stored signature shares an LSH band with `signature` and
 * scores as a likely duplicate, best first. Only the index is read, never article bodies.
 */
export async function findDuplicates(
  req: PayloadRequest,
  signature: TextSignature,
  { locale, exclude }: { locale: string; exclude?: string | number },
): Promise<DuplicateMatch[]> {
  if (signature.bands.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'article-signatures',
    where: {
      and: [
        { bands: { in: signature.bands } },
        { locale: { equals: locale } },
        ...(exclude != null ? [{ article: { not_equals: exclude } }] : []),
      ],
    },
    select: { article: true, title: true, structure: true, vocabulary: true },
    depth: 0,
    limit: MAX_CANDIDATES,
    pagination: false,
    req,
  })
  return docs
    .filter((doc) => doc.article != null)
    .map((doc) => ({
      article: idOf(doc.article),
      title: doc.title ?? '',
      score: compareSignatures(signature, {
        structure: (doc.structure as number[]) ?? [],
        vocabulary: (doc.vocabulary as number[]) ?? [],
      }).score,
    }))
    .filter((m) => m.score >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.score - a.score)
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
