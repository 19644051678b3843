import type { PayloadRequest } from 'payload'

/** A change to what the public can see. Drafts that never went live produce none. */
export type ContentChange = {
  collection: string
  id: string
  slug?: string
  locale?: string
  operation: 'publish' | 'unpublish' | 'update' | 'delete'
  /** Why it was unpublished or deleted (their endpoints require one); for the audit log only. */
  reason?: string
}

/** Reacts to a change inside the content save's transaction (see src/plugins/contentChanges.ts). */
export type ContentChangeListener = (change: ContentChange, req: PayloadRequest) => Promise<void>
