import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import type { StoredFinding } from '../checks/types'
import { toLexical } from '../lib/lexical'
import { slugify } from '../lib/slugify'
import { decodeText } from './decodeText'
import { ImportError } from './ImportError'
import { parseArticleText } from './parseArticleText'

export type ImportFile = { name: string; bytes: Uint8Array }

export type ImportStatus = 'imported' | 'updated' | 'unchanged' | 'failed'

export type ImportOutcome = {
  file: string
  status: ImportStatus
  id?: string | number
  title?: string
  /** Open content-check findings on the draft, e.g. ["duplicate", "blocked-phrase"]. */
  flags?: string[]
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
 * Imports plain-text articles as drafts. A file is matched to its earlier import by name: the
 * same bytes change nothing, changed bytes update the draft. Each file stands alone; a bad one is
 * reported and the others go on. When the run is over, a draft that a later file of the same run
 * turned out to duplicate is checked once more, so copies imported together flag each other.
 */
export async function importArticles(payload: Payload, files: ImportFile[], options: Options = {}) {
  const access = options.user
    ? { user: options.user, overrideAccess: false as const }
    : { overrideAccess: true as const }
  const outcomes: ImportOutcome[] = []
  // Which articles each saved draft was flagged as a duplicate of.
  const flaggedAgainst = new Map<string, Set<string>>()
  for (const file of files) {
    const outcome = await importOne(payload, file, access, flaggedAgainst).catch(
      (error: unknown): ImportOutcome => ({
        file: file.name,
        status: 'failed',
        error: describe(error),
      }),
    )
    outcomes.push(outcome)
    options.onFile?.(outcome)
  }

  // A draft saved before its copy arrived has not seen it: saving it again re-runs the checks.
  const stale = outcomes.filter((o) => {
    const own = flaggedAgainst.get(String(o.id))
    if (!own || o.status === 'failed') return false
    return [...flaggedAgainst].some(([other, flags]) => flags.has(String(o.id)) && !own.has(other))
  })
  for (const o of stale) {
    await payload
      .update({ collection: 'articles', id: o.id!, data: {}, draft: true, depth: 0, ...access })
      .catch((error: unknown) => Object.assign(o, { status: 'failed', error: describe(error) }))
  }
  await attachFlags(payload, outcomes)

  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, failed: 0, flagged: 0 }
  for (const o of outcomes) {
    summary[o.status]++
    if (o.flags?.length) summary.flagged++
  }
  return { outcomes, summary }
}

type Access = { user?: PayloadRequest['user']; overrideAccess: boolean }

async function importOne(
  payload: Payload,
  file: ImportFile,
  access: Access,
  flaggedAgainst: Map<string, Set<string>>,
): Promise<ImportOutcome> {
  const importHash = sha256(file.bytes)
  const parsed = parseArticleText(decodeText(file.bytes))
  const { docs } = await payload.find({
    collection: 'articles',
    where: { importSource: { equals: file.name } },
    select: { importHash: true },
    draft: true,
    depth: 0,
    limit: 1,
    pagination: false,
    ...access,
  })
  const existing = docs[0]
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
  const remember = (doc: { id: string | number; findings?: unknown }) => {
    const findings = (doc.findings ?? []) as StoredFinding[]
    const related = findings.filter((f) => f.check === 'duplicate').map((f) => String(f.related))
    flaggedAgainst.set(String(doc.id), new Set(related))
  }
  if (existing) {
    const updated = await payload.update({
      collection: 'articles',
      id: existing.id,
      data,
      draft: true,
      depth: 0,
      ...access,
    })
    remember(updated)
    return { file: file.name, status: 'updated', id: existing.id, title: parsed.title }
  }
  const slug = await freeSlug(payload, slugify(parsed.title) || 'imported-article')
  const doc = await payload.create({
    collection: 'articles',
    data: { ...data, slug },
    draft: true,
    depth: 0,
    ...access,
  })
  remember(doc)
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
  for (const o of outcomes) {
    const open = (byId.get(String(o.id)) ?? []).filter((f) => !f.overrideReason)
    if (o.status !== 'failed') o.flags = [...new Set(open.map((f) => f.check))]
  }
}

function describe(error: unknown): string {
  if (error instanceof ImportError) return error.message
  const data = (error as { data?: { errors?: Array<{ message?: string }> } })?.data
  const details = data?.errors?.map((e) => e.message).filter(Boolean)
  if (details?.length) return details.join('; ')
  return error instanceof Error ? error.message : String(error)
}
