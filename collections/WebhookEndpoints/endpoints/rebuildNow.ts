import type { Endpoint } from 'payload'

import { adminRoute } from '../../../src/webhooks'
import { rebuildNow } from '../../../src/webhooks'

/** POST /api/webhook-endpoints/rebuild: fire every active build hook now. */
export const rebuildNowEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: adminRoute(async (req) => {
    const queued = await rebuildNow(req.payload)
    return Response.json({ queued }, { status: 202 })
  }),
}
