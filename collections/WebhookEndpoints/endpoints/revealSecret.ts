import type { Endpoint } from 'payload'

import { adminRoute } from '../../../src/webhooks'
import { revealSigningSecret } from '../../../src/webhooks'

/** POST /api/webhook-endpoints/:id/reveal-secret: the secret issued at creation, once. */
export const revealSecretEndpoint: Endpoint = {
  path: '/:id/reveal-secret',
  method: 'post',
  handler: adminRoute(async (req, id) => {
    const result = await revealSigningSecret(req.payload, id!)
    if ('error' in result) return Response.json({ error: result.error }, { status: result.status })
    return Response.json(result, { headers: { 'cache-control': 'no-store' } })
  }),
}
