import type { Endpoint } from 'payload'

import { adminRoute, notFound } from '../../../src/webhooks'
import { sendTestEvent } from '../../../src/webhooks'

/** POST /api/webhook-endpoints/:id/test: queue a `webhook.test` delivery right away. */
export const sendTestEndpoint: Endpoint = {
  path: '/:id/test',
  method: 'post',
  handler: adminRoute(async (req, id) => {
    const queued = await sendTestEvent(req.payload, id!)
    return queued ? Response.json(queued, { status: 202 }) : notFound('endpoint')
  }),
}
