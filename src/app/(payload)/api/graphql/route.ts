/* Payload's own GraphQL (used by the admin). Frontends use Haven's public API at /graphql. */
import config from '@payload-config'

import { payloadGraphQLRoutes } from '../../../../auth/restRoutes'

const routes = payloadGraphQLRoutes(config)

export const POST = routes.POST
export const OPTIONS = routes.OPTIONS
export const GET = routes.OTHER
export const PUT = routes.OTHER
export const PATCH = routes.OTHER
export const DELETE = routes.OTHER
