import type { ContentCheck } from '../../checks/types'
import { articleText } from '../articleText'
import { countContentWords, MIN_BODY_WORDS, MISMATCH_THRESHOLD, titleMatch } from '../titleSubject'

/** Title–body mismatch: a title promising a subject that the body does not treat. */
export const titleMismatchCheck: ContentCheck = ({ collection, doc, req }) => {
  if (collection !== 'articles') return []
  const { title, body, language } = articleText(doc, req.locale)
  if (!title || countContentWords(body, language) < MIN_BODY_WORDS) return []
  const { score, subjects } = titleMatch(title, body, language)
  if (score >= MISMATCH_THRESHOLD) return []
  return [
    {
      check: 'title-mismatch',
      field: 'title',
      match: title,
      score,
      message: `The body hardly mentions what the title promises (“${subjects.join('”, “')}”): retitle the article or rewrite the body`,
    },
  ]
}
