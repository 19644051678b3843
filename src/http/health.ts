import type { Endpoint } from 'payload'

/** GET /api/health: 200 when the database answers, 503 otherwise. Used by Docker's HEALTHCHECK. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await req.payload.count({ collection: 'topics', overrideAccess: true })
      return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
    } catch {
      return Response.json({ status: 'unavailable' }, { status: 503 })
    }
  },
}
