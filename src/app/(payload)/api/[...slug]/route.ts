/* Payload's REST API under /api, with a per-client budget for reads and one for writes, behind
 * Haven's request checks (src/http/payloadRoutes.ts). */
import config from '@payload-config'
import '@payloadcms/next/css'

import { restRoutes } from '../../../../auth/restRoutes'

const routes = restRoutes(config)

export const GET = routes.GET
export const POST = routes.POST
export const DELETE = routes.DELETE
export const PATCH = routes.PATCH
export const PUT = routes.PUT
export const OPTIONS = routes.OPTIONS
