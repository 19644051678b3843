/* Payload's REST API under /api, behind Haven's request checks (src/http/payloadRoutes.ts). */
import config from '@payload-config'
import '@payloadcms/next/css'

import { payloadRoutes } from '../../../../http/payloadRoutes'

const routes = payloadRoutes(config)

export const GET = routes.GET
export const POST = routes.POST
export const DELETE = routes.DELETE
export const PATCH = routes.PATCH
export const PUT = routes.PUT
export const OPTIONS = routes.OPTIONS
