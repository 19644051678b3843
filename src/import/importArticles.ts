import crypto from 'node:crypto'
import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { requestFlags } from '../lib/requestFlags'

import { findingKey, titleMismatchCheck, type StoredFinding } from '../checks'
import type { Article } from '../payload-types'
import { toLexical } from '../lib/lexical'
import { slugify } from '../lib/slugify'
import { decodeText } from './decodeText'
import { ImportError } from './ImportError'
import { parseArticleText } from './parseArticleText'

export type ImportFile = { name: string; bytes: Uint8Array }

export type ImportStatus = 'imported' | 'updated' | 'unchanged' | 'failed'

/** An open content-check finding on an imported draft, for the summary. */
export type ImportFinding = {
  check: string
  score?: number | null
  /** The other article of a duplicate or containment finding, with its title. */
  related?: string | null
  relatedTitle?: string | null
}

export type ImportOutcome = {
  /** The file's path relative to the import root: the article's identity across re-runs. */
  file: string
  status: ImportStatus
  id?: string | number
  title?: string
  /** Open content-check findings on the draft, e.g. ["duplicate", "blocked-phrase"]. */
  flags?: string[]
  findings?: ImportFinding[]
  error?: string
}

export type ImportSummary = Record<ImportStatus | 'flagged', number>

type Options = {
  /** The editor importing through the admin; none for the command line (trusted operator). */
  user?: PayloadRequest['user']
  onFile?: (outcome: ImportOutcome) => void
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

/**
 * Imports plain-text articles as drafts. A file is matched to its earlier import by its path
 * relative to the import root (`name`: siteA/article.txt and siteB/article.txt are two articles):
 * the same bytes change nothing (no save, no version), changed bytes update the draft. Each file
 * stands alone; a bad one is reported and the others go on. Drafts carry the "Imported"
 * attribution instead of an author. Copies imported together flag each other: the duplicate
 * check re-checks the older article as soon as a newer one is found to copy it, and the titles
 * are checked again once the whole batch is in.
 */
export async function importArticles(payload: Payload, files: ImportFile[], options: Options = {}) {
  const access = options.user
    ? { user: options.user, overrideAccess: false as const }
    : { overrideAccess: true as const }
  const outcomes: ImportOutcome[] = []
  for (const file of files) {
    const outcome = await importOne(payload, file, access).catch(
      (error: unknown): ImportOutcome => ({
        file: file.name,
        status: 'failed',
        error: describe(error),
      }),
    )
    outcomes.push(outcome)
    options.onFile?.(outcome)
  }

  await recheckTitles(payload, outcomes)
  await attachFlags(payload, outcomes)

  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, failed: 0, flagged: 0 }
  for (const o of outcomes) {
    summary[o.status]++
    if (o.flags?.length) summary.flagged++
  }
  return { outcomes, summary }
}

type Access = { user?: PayloadRequest['user']; overrideAccess: boolean }

const bySource = (payload: Payload, source: string, access: Access) =>
  payload
    .find({
      collection: 'articles',
      where: { importSource: { equals: source } },
      select: { importHash: true, importSource: true },
      draft: true,
      depth: 0,
      limit: 2,
      pagination: false,
      ...access,
    })
    .then((r) => r.docs)

async function importOne(
  payload: Payload,
  file: ImportFile,
  access: Access,
): Promise<ImportOutcome> {
  const importHash = sha256(file.bytes)
  const parsed = parseArticleText(decodeText(file.bytes))
  let existing = (await bySource(payload, file.name, access))[0]
  // Earlier versions recorded only the file name: such a draft is this file's, if it is the only
  // one of that name, and takes the full path when saved.
  const base = path.posix.basename(file.name)
  if (!existing && base !== file.name) {
    const legacy = await bySource(payload, base, access)
    if (legacy.length === 1) existing = legacy[0]
  }
  if (existing?.importHash === importHash)
    return { file: file.name, status: 'unchanged', id: existing.id, title: parsed.title }

  const data = {
    title: parsed.title,
    summary: parsed.summary,
    body: toLexical(parsed.blocks),
    importSource: file.name,
    importHash,
    _status: 'draft' as const,
  }
  if (existing) {
    await payload.update({
      collection: 'articles',
      id: existing.id,
      data,
      draft: true,
      depth: 0,
      ...access,
    })
    return { file: file.name, status: 'updated', id: existing.id, title: parsed.title }
  }
  const slug = await freeSlug(payload, slugify(parsed.title) || 'imported-article')
  const doc = await payload.create({
    collection: 'articles',
    data: { ...data, slug, attribution: 'imported' },
    draft: true,
    depth: 0,
    ...access,
  })
  return { file: file.name, status: 'imported', id: doc.id, title: parsed.title }
}

// Old sites often reuse a title; the second import gets "-2" rather than a failed save.
async function freeSlug(payload: Payload, base: string): Promise<string> {
  const candidates = [base, ...Array.from({ length: 50 }, (_, i) => `${base}-${i + 2}`)]
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { in: candidates } },
    select: { slug: true },
    depth: 0,
    limit: candidates.length,
    pagination: false,
    overrideAccess: true,
  })
  const taken = new Set(docs.map((d) => d.slug))
  return candidates.find((c) => !taken.has(c)) ?? `${base}-${Date.now()}`
}

const TITLE_CHECKS = new Set(['title-mismatch', 'title-needed'])

/**
 * Title words are weighed by how common they are in the library, so the first files of a batch
 * were judged before the rest of it was in. Once it is, each saved file's title is judged again
 * and only its title findings change: the body is unchanged, so the other checks and the
 * duplicate index are not run again. A draft is saved only when a title finding appears or goes
 * (a slightly different score alone is not worth a new version).
 */
async function recheckTitles(payload: Payload, outcomes: ImportOutcome[]) {
  const saved = outcomes.filter((o) => o.status === 'imported' || o.status === 'updated')
  // One file was judged with the batch already in.
  if (saved.length < 2) return
  const req = await createLocalReq({}, payload)
  for (const { id } of saved) {
    const doc = await payload.findByID({
      collection: 'articles',
      id: id!,
      select: { title: true, body: true, findings: true },
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!doc) continue
    const stored = (doc.findings ?? []) as StoredFinding[]
    const fresh = await titleMismatchCheck({ collection: 'articles', doc, id: id!, req })
    const keys = (fs: StoredFinding[]) =>
      fs
        .filter((f) => TITLE_CHECKS.has(f.check))
        .map(findingKey)
        .sort()
        .join('\n')
    if (keys(stored) === keys(fresh)) continue
    const byKey = new Map(stored.map((f) => [findingKey(f), f]))
    // A finding that is still there keeps its row and any override a reviewer recorded.
    const title = fresh.map((f) => ({ ...byKey.get(findingKey(f)), ...f }))
    await payload.update({
      collection: 'articles',
      id: id!,
      data: {
        findings: [
          ...stored.filter((f) => !TITLE_CHECKS.has(f.check)),
          ...title,
        ] as Article['findings'],
      },
      draft: true,
      depth: 0,
      overrideAccess: true,
      context: requestFlags({ skipContentChecks: true, skipDuplicateIndex: true }),
    })
  }
}

async function attachFlags(payload: Payload, outcomes: ImportOutcome[]) {
  const ids = outcomes.filter((o) => o.status !== 'failed' && o.id != null).map((o) => o.id!)
  if (ids.length === 0) return
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { in: ids } },
    select: { findings: true },
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
  })
  const byId = new Map(docs.map((d) => [String(d.id), (d.findings ?? []) as StoredFinding[]]))
  const related = [
    ...new Set([...byId.values()].flat().flatMap((f) => (f.related ? [f.related] : []))),
  ]
  const titles = new Map<string, string>()
  if (related.length > 0) {
    const { docs: others } = await payload.find({
      collection: 'articles',
      where: { id: { in: related } },
      select: { title: true },
      draft: true,
      depth: 0,
      limit: related.length,
      pagination: false,
      overrideAccess: true,
    })
    for (const d of others) titles.set(String(d.id), d.title ?? '')
  }
  for (const o of outcomes) {
    const open = (byId.get(String(o.id)) ?? []).filter((f) => !f.overrideReason)
    if (o.status === 'failed') continue
    o.flags = [...new Set(open.map((f) => f.check))]
    o.findings = open.map((f) => ({
      check: f.check,
      score: f.score ?? null,
      related: f.related ?? null,
      relatedTitle: f.related ? (titles.get(String(f.related)) ?? null) : null,
    }))
  }
}

function describe(error: unknown): string {
  if (error instanceof ImportError) return error.message
  const data = (error as { data?: { errors?: Array<{ message?: string }> } })?.data
  const details = data?.errors?.map((e) => e.message).filter(Boolean)
  if (details?.length) return details.join('; ')
  return error instanceof Error ? error.message : String(error)
}
