import type { PayloadHandler, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'

type Handler = (req: PayloadRequest, id: string | undefined) => Promise<Response>

/**
 * Wraps a webhook admin action: admins only, JSON answers, and a clear 4xx (never a stack trace)
 * for anything a caller can get wrong.
 */
export function adminRoute(handler: Handler): PayloadHandler {
  return async (req) => {
    if (!hasRole(req.user, 'admin')) {
      return Response.json({ error: 'Only admins can manage webhooks.' }, { status: 403 })
    }
    const id = req.routeParams?.id as string | undefined
    try {
      return await handler(req, id)
    } catch (error) {
      req.payload.logger.error({ msg: 'webhook admin action failed', err: error })
      return Response.json({ error: 'The action failed; see the server log.' }, { status: 500 })
    }
  }
}

export const notFound = (what: string) =>
  Response.json({ error: `No such ${what}.` }, { status: 404 })
