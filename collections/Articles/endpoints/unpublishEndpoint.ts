import { APIError, type Endpoint } from 'payload'
import { clearFlag, setFlag } from '../../../src/lib/requestFlags'

const MAX_REASON = 1000

const fail = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * POST /api/articles/:id/unpublish with JSON `{ "reason": "…" }`: takes a live article offline.
 * The only way to do so (a plain save never does, see keepPublicStateExplicit). Allowed to whoever
 * may update articles (editors, reviewers, admins); the save runs as the caller, so their access
 * rules apply. The unpublish change (cache, webhook, audit with the reason) fires from the save.
 *
 * Answers 200 `{ id, status: "draft", message }`; 400 without a reason, with a reason over 1,000
 * characters, or when the article is not published; 401 signed out; 403 for other roles; 404 for
 * an unknown id.
 */
export const unpublishEndpoint: Endpoint = {
  path: '/:id/unpublish',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, 'Sign in to unpublish articles.')
    let body: unknown
    try {
      body = typeof req.json === 'function' ? await req.json() : undefined
    } catch {
      return fail(400, 'Send JSON such as {"reason": "Outdated guidance"}.')
    }
    const raw = (body as { reason?: unknown } | null | undefined)?.reason
    const reason = typeof raw === 'string' ? raw.trim() : ''
    if (!reason) return fail(400, 'Say why the article is being unpublished: {"reason": "…"}.')
    if (reason.length > MAX_REASON)
      return fail(400, `Keep the reason under ${MAX_REASON} characters.`)

    const id = String(req.routeParams?.id ?? '')
    let live: { id: string | number; _status?: string } | null
    try {
      live = await req.payload.db.findOne<{ id: string | number; _status?: string }>({
        collection: 'articles',
        where: { id: { equals: id } },
        req,
      })
    } catch {
      live = null // a malformed id is as unknown as a missing one
    }
    if (!live) return fail(404, `No article with id ${id}.`)
    if (live._status !== 'published') return fail(400, 'This article is not published.')

    setFlag(req, 'havenUnpublish', id)
    setFlag(req, 'havenUnpublishReason', reason)
    try {
      const doc = await req.payload.update({
        collection: 'articles',
        id,
        data: { _status: 'draft' },
        depth: 0,
        overrideAccess: false,
        req,
      })
      return Response.json(
        { id: doc.id, status: 'draft', message: 'Unpublished. The article is no longer public.' },
        { headers: { 'cache-control': 'no-store' } },
      )
    } catch (err) {
      if (err instanceof APIError && err.status < 500) return fail(err.status, err.message)
      throw err
    } finally {
      clearFlag(req, 'havenUnpublish')
      clearFlag(req, 'havenUnpublishReason')
    }
  },
}
