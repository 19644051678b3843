import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '../../../src/payload-types'
import { readFlag, requestFlags } from '../../../src/lib/requestFlags'

import type { StoredFinding } from '../../../src/checks'

const COPY_CHECKS = new Set(['duplicate', 'containment'])

const relatedOf = (findings: unknown) =>
  new Set(
    ((findings ?? []) as StoredFinding[])
      .filter((f) => COPY_CHECKS.has(f.check) && f.related)
      .map((f) => String(f.related)),
  )

/**
 * Copying has two sides: when a save finds this article duplicating (or copying from) another one
 * it had not been related to, the other article is re-checked at once, inside the same transaction,
 * so it carries the finding about this one too instead of learning of it on its next save.
 * Runs after indexArticleSignature, so the other article's check finds this one in the index.
 * Only the checks run again: the other article's text is saved unchanged, as a draft.
 */
export const refreshRelatedArticles: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (readFlag(req, 'refreshingRelated') || readFlag(req, 'skipContentChecks')) return doc
  const before = relatedOf(previousDoc?.findings)
  const fresh = [...relatedOf(doc.findings)].filter((id) => !before.has(id))
  if (fresh.length === 0) return doc
  const context = req.context
  try {
    for (const id of fresh) {
      const other = await req.payload.findByID({
        collection: 'articles',
        id,
        draft: true,
        depth: 0,
        select: { findings: true },
        overrideAccess: true,
        disableErrors: true,
        req,
      })
      // Already knows of this article (it was flagged from the other side earlier).
      if (!other || relatedOf(other.findings).has(String(doc.id))) continue
      await req.payload.update({
        collection: 'articles',
        id,
        data: {},
        draft: true,
        depth: 0,
        overrideAccess: true,
        context: requestFlags({ refreshingRelated: true }),
        req,
      })
    }
  } finally {
    // The Local API writes the nested call's context onto the shared request.
    req.context = context
  }
  return doc
}
