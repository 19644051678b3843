import type { CollectionAfterChangeHook, Payload, PayloadRequest, Where } from 'payload'
import type { Article } from '../../../src/payload-types'
import { readFlag } from '../../../src/lib/requestFlags'

import { idOf } from '../../../src/lib/ids'

function articleLink(payload: Payload, id: string | number) {
  const base = (payload.config.serverURL || process.env.HAVEN_PUBLIC_URL || '').replace(/\/$/, '')
  return `${base}${payload.config.routes.admin}/collections/articles/${id}`
}

async function emailsOf(req: PayloadRequest, where: Where, except: string | null) {
  const { docs } = await req.payload.find({
    collection: 'users',
    where,
    depth: 0,
    limit: 200,
    overrideAccess: true,
    select: { email: true },
    req,
  })
  return docs
    .filter((u) => String(u.id) !== except)
    .map((u) => u.email)
    .filter(Boolean)
}

/**
 * Tells the people who act next: reviewers when an article is submitted, the author when it is
 * approved or changes are requested. The email names the article and links to it; the draft
 * text and the reviewer's note stay in Haven, since mailboxes are forwarded and kept for years.
 * A failed email is logged and never undoes the review step.
 */
export const notifyReviewChange: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const article = doc as Article
  const before = (previousDoc as Article | undefined)?.review?.status ?? 'draft'
  const after = article.review?.status ?? 'draft'
  if (before === after || readFlag(req, 'skipReviewWorkflow')) return doc
  const actor = req.user ? String(req.user.id) : null
  const title = article.title || 'Untitled article'
  const link = articleLink(req.payload, article.id)
  try {
    if (after === 'in-review') {
      const to = await emailsOf(req, { roles: { in: ['reviewer'] } }, actor)
      if (to.length === 0) return doc
      await req.payload.sendEmail({
        to,
        subject: `Waiting for your review: ${title}`,
        text: `“${title}” has been submitted for clinical review.\n\nReview it here: ${link}\n`,
      })
    } else if (after === 'approved' || after === 'changes-requested') {
      const author = idOf(article.author)
      if (!author || author === actor) return doc
      const to = await emailsOf(req, { id: { equals: author } }, null)
      if (to.length === 0) return doc
      const approved = after === 'approved'
      await req.payload.sendEmail({
        to,
        subject: approved ? `Approved: ${title}` : `Changes requested: ${title}`,
        text: approved
          ? `A reviewer approved “${title}”. It can now be published.\n\n${link}\n`
          : `A reviewer asked for changes to “${title}”. Their note is on the article.\n\n${link}\n`,
      })
    }
  } catch (err) {
    req.payload.logger.warn({
      msg: 'Could not send the review notification',
      article: article.id,
      reason: err instanceof Error ? err.message : String(err),
    })
  }
  return doc
}
