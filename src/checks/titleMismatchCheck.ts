import type { PayloadRequest } from 'payload'

import type { ContentCheck, Finding } from './types'
import { articleText } from '../quality/articleText'
import { isPlausibleTitle } from '../quality/isPlausibleTitle'
import { blendedWeights } from '../quality/backgroundWeights'
import { languageOf } from '../quality/text'
import {
  countContentWords,
  MIN_BODY_WORDS,
  MISMATCH_THRESHOLD,
  titleMatch,
  titleStems,
} from '../quality/titleSubject'

/**
 * Title words weighed by how specific they are: the shipped domain table, blended with the
 * document frequencies of the articles in the duplicate index as the library grows. A new
 * library's first articles are judged as later ones are, not with every word weighing the same.
 */
async function titleWeights(req: PayloadRequest, stems: string[], locale: string) {
  const inLocale = { locale: { equals: locale } }
  const { totalDocs: articles } = await req.payload.count({
    collection: 'article-signatures',
    where: inLocale,
    req,
  })
  const documentsWith = new Map<string, number>()
  if (articles > 0)
    for (const stem of stems) {
      const { totalDocs } = await req.payload.count({
        collection: 'article-signatures',
        where: { and: [inLocale, { terms: { equals: stem } }] },
        req,
      })
      documentsWith.set(stem, totalDocs)
    }
  return blendedWeights(languageOf(locale), { articles, documentsWith })
}

/**
 * Title–body mismatch: a title promising a subject that the body does not treat; and a "title"
 * that is really the first sentence of the text (an imported file without a title line).
 */
export const titleMismatchCheck: ContentCheck = async ({ collection, doc, req }) => {
  if (collection !== 'articles') return []
  const locale = req.locale ?? 'en'
  const { title, body, language } = articleText(doc, locale)
  const findings: Finding[] = []
  if (title && !isPlausibleTitle(title))
    findings.push({
      check: 'title-needed',
      field: 'title',
      match: title,
      message:
        'This looks like the first sentence of the text rather than a title: write a short title that says what the article is about',
    })
  if (!title || countContentWords(body, language) < MIN_BODY_WORDS) return findings
  const weightOf = await titleWeights(req, titleStems(title, language), locale)
  const { score, subjects } = titleMatch(title, body, language, weightOf)
  if (score < MISMATCH_THRESHOLD)
    findings.push({
      check: 'title-mismatch',
      field: 'title',
      match: title,
      score,
      message: `The body hardly mentions what the title promises (“${subjects.join('”, “')}”): retitle the article or rewrite the body`,
    })
  return findings
}
