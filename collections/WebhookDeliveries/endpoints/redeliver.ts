import type { Endpoint } from 'payload'

import { adminRoute } from '../../../src/webhooks'
import { redeliver } from '../../../src/webhooks'

/** POST /api/webhook-deliveries/:id/redeliver: send the same message again. */
export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: adminRoute(async (req, id) => {
    const queued = await redeliver(req.payload, id!)
    if ('error' in queued) return Response.json({ error: queued.error }, { status: queued.status })
    return Response.json(queued, { status: 202 })
  }),
}
