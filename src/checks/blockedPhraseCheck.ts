import type { PayloadRequest } from 'payload'

import type { ContentCheck, Finding } from './types'
import { articleText } from '../quality/articleText'
import { findBlockedPhrases, type BlockedPhrase } from '../quality/findBlockedPhrases'

const MAX_PHRASES = 5000

async function blockedPhrases(req: PayloadRequest): Promise<BlockedPhrase[]> {
  const { docs } = await req.payload.find({
    collection: 'blocked-phrases',
    select: { phrase: true, reason: true },
    depth: 0,
    limit: MAX_PHRASES,
    pagination: false,
    req,
  })
  return docs
}

/** Pasted commercial phrases from the admin-maintained list, in the title, summary or body. */
export const blockedPhraseCheck: ContentCheck = async ({ collection, doc, req }) => {
  if (collection !== 'articles') return []
  const phrases = await blockedPhrases(req)
  if (phrases.length === 0) return []
  const texts = articleText(doc, req.locale)
  const findings: Finding[] = []
  for (const field of ['title', 'summary', 'body'] as const) {
    for (const found of findBlockedPhrases(texts[field], phrases)) {
      const why = found.reason ? ` (${found.reason})` : ''
      findings.push({
        check: 'blocked-phrase',
        field,
        match: found.text,
        message: `“${found.phrase}” is on the blocked phrase list${why}${found.count > 1 ? `, ${found.count} times` : ''}: remove it`,
      })
    }
  }
  return findings
}
