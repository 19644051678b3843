import type { Payload } from 'payload'

import { defaultBlockedPhrases } from './defaultBlockedPhrases'

/**
 * Fills the blocked phrase list with the starting list while it is empty. Run by the importer
 * (and suitable for the seed): once admins have a list of their own, it is left alone.
 */
export async function seedBlockedPhrases(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'blocked-phrases', overrideAccess: true })
  if (totalDocs > 0) return 0
  for (const entry of defaultBlockedPhrases)
    await payload.create({ collection: 'blocked-phrases', data: entry, overrideAccess: true })
  return defaultBlockedPhrases.length
}
