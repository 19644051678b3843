import { createLocalReq, type Payload } from 'payload'

import { articleText } from './articleText'
import { saveSignature } from './duplicateIndex'
import { textSignature } from './textSignature'

/**
 * Re-signs the articles whose index row predates the current signature (no plain-text sketch:
 * written before the band families and containment existed), so their band keys match new
 * checks. Reads each such article in its row's locale; cheap when nothing is stale.
 */
export async function reindexSignatures(payload: Payload): Promise<number> {
  let done = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'article-signatures',
      where: { text: { exists: false } },
      select: { article: true, locale: true },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    if (docs.length === 0) return done
    for (const row of docs) {
      const id = typeof row.article === 'object' ? row.article?.id : row.article
      const article =
        id == null
          ? null
          : await payload.findByID({
              collection: 'articles',
              id,
              locale: row.locale as 'en',
              draft: true,
              depth: 0,
              select: { title: true, body: true },
              overrideAccess: true,
              disableErrors: true,
            })
      if (!article || id == null) {
        await payload.delete({ collection: 'article-signatures', id: row.id, overrideAccess: true })
        continue
      }
      const { title, body, language } = articleText(article, row.locale)
      const req = await createLocalReq({ locale: row.locale }, payload)
      await saveSignature(req, id, row.locale, title, textSignature(body, language))
      // A text now too short for a signature loses its row; either way it is no longer stale.
      done++
    }
  }
}
