import type { PayloadRequest } from 'payload'

import type { ContentCheck, Finding } from './types'
import { detectPersonalData } from '../privacy'
import { publicTexts } from '../privacy'

// Helplines listed in the published crisis resources are organisations' numbers, published on
// purpose after review. A draft's numbers are exempt from nothing: the main row is read, which
// only a reviewed publish writes.
async function helplineNumbers(req: PayloadRequest): Promise<string[]> {
  try {
    const crisis = await req.payload.findGlobal({
      slug: 'crisis-resources',
      depth: 0,
      draft: false,
      overrideAccess: true,
      req,
    })
    if (crisis._status === 'draft') return []
    return (crisis.helplines ?? [])
      .flatMap((h) => [h.phone, h.textNumber])
      .filter(Boolean) as string[]
  } catch {
    return []
  }
}

/**
 * The privacy guard: personal data in an article's or a group's public text blocks approval and
 * publishing until it is removed, or a reviewer overrides it with a reason ("consent on file").
 */
export const privacyCheck: ContentCheck = async ({ collection, doc, req }) => {
  const texts = publicTexts(collection, doc)
  if (texts.length === 0) return []
  const allowedPhones = await helplineNumbers(req)
  const findings = new Map<string, Finding>()
  for (const { field, text } of texts) {
    for (const d of detectPersonalData(text, { allowedPhones })) {
      const key = `${field}|${d.match}`
      if (!findings.has(key))
        findings.set(key, { check: 'privacy', field, match: d.match, message: d.message })
    }
  }
  return [...findings.values()]
}
