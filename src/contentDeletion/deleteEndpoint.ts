import { APIError, type CollectionSlug, type Endpoint } from 'payload'

import { clearDeleteReason, giveDeleteReason } from './reason'

const MAX_REASON = 1000

const fail = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * POST /api/<collection>/:id/delete with JSON `{ "reason": "…" }`: the one way to delete a
 * document the public has seen (guardPublicDelete refuses every other). The delete runs as the
 * caller, so the collection's access rules decide who may; the reason reaches the audit log
 * through the content change (or auditExplainedDelete when nothing public changes).
 *
 * Answers 200 `{ id, message }`; 400 without a reason or with one over 1,000 characters; 401
 * signed out; 403 when the caller may not delete it; 404 for an unknown id.
 */
export function deleteEndpoint(slug: CollectionSlug): Endpoint {
  return {
    path: '/:id/delete',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return fail(401, 'Sign in to delete.')
      let body: unknown
      try {
        body = typeof req.json === 'function' ? await req.json() : undefined
      } catch {
        return fail(400, 'Send JSON such as {"reason": "Replaced by a newer article"}.')
      }
      const raw = (body as { reason?: unknown } | null | undefined)?.reason
      const reason = typeof raw === 'string' ? raw.trim() : ''
      if (!reason) return fail(400, 'Say why it is being deleted: {"reason": "…"}.')
      if (reason.length > MAX_REASON)
        return fail(400, `Keep the reason under ${MAX_REASON} characters.`)

      const id = String(req.routeParams?.id ?? '')
      let stored: { id: string | number } | null
      try {
        stored = await req.payload.db.findOne({
          collection: slug,
          where: { id: { equals: id } },
          req,
        })
      } catch {
        stored = null // a malformed id is as unknown as a missing one
      }
      if (!stored) return fail(404, `Nothing with id ${id} in ${slug}.`)

      giveDeleteReason(req, stored.id, reason)
      try {
        await req.payload.delete({
          collection: slug,
          id: stored.id,
          depth: 0,
          overrideAccess: false,
          req,
        })
        return Response.json(
          { id: stored.id, message: 'Deleted. It is no longer public.' },
          { headers: { 'cache-control': 'no-store' } },
        )
      } catch (err) {
        if (!(err instanceof APIError) || err.status >= 500) throw err
        req.payload.logger.info({ msg: 'delete refused', collection: slug, id: stored.id })
        return fail(err.status, err.message)
      } finally {
        clearDeleteReason(req)
      }
    },
  }
}
