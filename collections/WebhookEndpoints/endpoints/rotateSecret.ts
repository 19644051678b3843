import type { Endpoint } from 'payload'

import { adminRoute } from '../../../src/webhooks'
import { rotateSigningSecret } from '../../../src/webhooks'

/** POST /api/webhook-endpoints/:id/rotate-secret: a new secret, shown in this answer only. */
export const rotateSecretEndpoint: Endpoint = {
  path: '/:id/rotate-secret',
  method: 'post',
  handler: adminRoute(async (req, id) => {
    const result = await rotateSigningSecret(req.payload, id!)
    if ('error' in result) return Response.json({ error: result.error }, { status: result.status })
    return Response.json(result, { headers: { 'cache-control': 'no-store' } })
  }),
}
