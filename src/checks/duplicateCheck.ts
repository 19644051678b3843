import type { ContentCheck, Finding } from './types'
import { articleText } from '../quality/articleText'
import { findDuplicates } from '../quality/duplicateIndex'
import { CONTAINMENT_THRESHOLD, DUPLICATE_THRESHOLD, textSignature } from '../quality/textSignature'

/** Only the closest few are reported; the rest would repeat the same advice. */
const MAX_REPORTED = 5

export const articleAdminPath = (id: string | number) => `/admin/collections/articles/${id}`

const percent = (share: number) => `${Math.round(share * 100)}%`

/**
 * Spun-duplicate and partial-copy check: compares the article with every other article through
 * the duplicate index. A likely reworded copy is a "duplicate" finding with its score; a text that
 * contains (or is largely contained in) another's wording word for word is a "containment"
 * finding with the share. Each names the other article and links to it in the admin.
 */
export const duplicateCheck: ContentCheck = async ({ collection, doc, id, req }) => {
  if (collection !== 'articles') return []
  const locale = req.locale ?? 'en'
  const { body, language } = articleText(doc, locale)
  const signature = textSignature(body, language)
  if (!signature) return []
  const matches = await findDuplicates(req, signature, { locale, exclude: id })
  const findings: Finding[] = []
  for (const m of matches.slice(0, MAX_REPORTED)) {
    const name = m.title || `Article ${m.article}`
    const link = articleAdminPath(m.article)
    if (m.score >= DUPLICATE_THRESHOLD)
      findings.push({
        check: 'duplicate',
        field: 'body',
        match: name,
        score: m.score,
        related: m.article,
        message: `Likely a reworded copy of “${name}” (similarity ${m.score.toFixed(2)}; ${link})`,
      })
    // Said from this article's side: what it contains of the other; or, when it is the short
    // one, how much of it the other already has.
    const contains = m.contains >= CONTAINMENT_THRESHOLD
    if (contains || m.containedIn >= CONTAINMENT_THRESHOLD)
      findings.push({
        check: 'containment',
        field: 'body',
        match: name,
        score: contains ? m.contains : m.containedIn,
        related: m.article,
        message: contains
          ? `This article contains ${percent(m.contains)} of “${name}” word for word (${link})`
          : `${percent(m.containedIn)} of this article appears word for word in “${name}” (${link})`,
      })
  }
  return findings
}
