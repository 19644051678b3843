import type { ContentCheck, Finding } from './types'
import { articleText } from '../quality/articleText'
import { CONTENT_WARNING_TERMS, MIN_MENTIONS } from '../quality/contentWarningTerms'
import { findBlockedPhrases, readForPhrases } from '../quality/findBlockedPhrases'

/** The content warnings a text's title, summary and body call for, with what was found. */
export function suggestContentWarnings(text: string) {
  const out: Array<{ warning: string; label: string; mentions: number; example: string }> = []
  const read = readForPhrases(text)
  for (const [warning, { label, terms }] of Object.entries(CONTENT_WARNING_TERMS)) {
    const found = findBlockedPhrases(
      read,
      terms.map((phrase) => ({ phrase })),
    )
    const mentions = found.reduce((sum, f) => sum + f.count, 0)
    if (mentions >= MIN_MENTIONS)
      out.push({
        warning,
        label,
        mentions,
        example: found.sort((a, b) => b.count - a.count)[0].text,
      })
  }
  return out
}

/**
 * Content-warning suggestion: an article that discusses suicide, self-harm, eating disorders,
 * abuse, substance use or trauma without the matching content warning set. The public API shows
 * helplines beside articles with a warning, so a missing one leaves readers without them.
 */
export const contentWarningCheck: ContentCheck = ({ collection, doc, req }) => {
  if (collection !== 'articles') return []
  const { title, summary, body } = articleText(doc, req.locale)
  const set = new Set((doc.contentWarnings as string[] | null | undefined) ?? [])
  const findings: Finding[] = []
  for (const s of suggestContentWarnings([title, summary, body].join('\n'))) {
    if (set.has(s.warning)) continue
    findings.push({
      check: 'content-warning',
      field: 'body',
      match: s.label,
      message: `The text discusses ${s.label.toLowerCase()} (“${s.example}”, ${s.mentions} mentions) but has no “${s.label}” content warning: set it so readers see helplines beside the article`,
    })
  }
  return findings
}
