import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'
import type { Article } from '../../../src/payload-types'
import { readFlag } from '../../../src/lib/requestFlags'

import { articleText } from '../../../src/quality/articleText'
import { saveSignature } from '../../../src/quality/duplicateIndex'
import { textSignature } from '../../../src/quality/textSignature'

/** Keeps the duplicate index in step with each save (inside the save's transaction). */
export const indexArticleSignature: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const locale = req.locale ?? 'en'
  // A save through the "all locales" view carries every locale at once; none is re-indexed then.
  if (locale === 'all' || readFlag(req, 'skipDuplicateIndex')) return doc
  const { title, body, language } = articleText(doc, locale)
  await saveSignature(req, doc.id, locale, title, textSignature(body, language))
  return doc
}

// Before, not after: the index row refers to the article, so it has to go first.
export const removeArticleSignature: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'article-signatures',
    where: { article: { equals: id } },
    req,
  })
}
