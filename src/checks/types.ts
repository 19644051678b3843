import type { PayloadRequest } from 'payload'

export type CheckName =
  | 'privacy'
  | 'duplicate'
  | 'containment'
  | 'title-mismatch'
  | 'title-needed'
  | 'blocked-phrase'
  | 'content-warning'

/** One problem a content check found; it blocks publishing until fixed or overridden. */
export type Finding = {
  check: CheckName
  /** Field path the finding is about, e.g. "body" or "description". */
  field: string
  /** The text that matched (shown to editors only; findings are never public). */
  match: string
  message: string
  score?: number
  /** Id of another document involved (the article this one duplicates). */
  related?: string
}

export type StoredFinding = Finding & {
  id?: string
  overrideReason?: string | null
  overriddenBy?: string | number | { id: string | number } | null
  overriddenAt?: string | null
}

export type CheckInput = {
  collection: 'articles' | 'support-groups'
  /** The document as it will be saved (incoming data over the stored document). */
  doc: Record<string, unknown>
  id?: string | number
  req: PayloadRequest
}

export type ContentCheck = (input: CheckInput) => Promise<Finding[]> | Finding[]

export const findingKey = (f: Finding) => `${f.check}|${f.field}|${f.match}|${f.related ?? ''}`
