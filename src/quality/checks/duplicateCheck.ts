import type { ContentCheck } from '../../checks/types'
import { articleText } from '../articleText'
import { findDuplicates } from '../duplicateIndex'
import { textSignature } from '../textSignature'

/** Only the closest few are reported; the rest would repeat the same advice. */
const MAX_REPORTED = 5

/**
 * Spun-duplicate check: compares the article with every other article through the duplicate
 * index and reports each likely duplicate with its score and id.
 */
export const duplicateCheck: ContentCheck = async ({ collection, doc, id, req }) => {
  if (collection !== 'articles') return []
  const locale = req.locale ?? 'en'
  const { body, language } = articleText(doc, locale)
  const signature = textSignature(body, language)
  if (!signature) return []
  const matches = await findDuplicates(req, signature, { locale, exclude: id })
  return matches.slice(0, MAX_REPORTED).map((m) => ({
    check: 'duplicate' as const,
    field: 'body',
    match: m.title || `Article ${m.article}`,
    score: m.score,
    related: m.article,
    message: `Likely a reworded copy of “${m.title}” (similarity ${m.score.toFixed(2)}; /admin/collections/articles/${m.article})`,
  }))
}
