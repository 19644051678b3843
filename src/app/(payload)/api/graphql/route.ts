/* Payload's own GraphQL (used by the admin). Frontends use Haven's public API at /graphql. */
import config from '@payload-config'

import { payloadRoutes } from '../../../../http/payloadRoutes'

const routes = payloadRoutes(config)

export const POST = routes.GRAPHQL_POST
export const OPTIONS = routes.OPTIONS
export const GET = routes.GRAPHQL_OTHER
export const PUT = routes.GRAPHQL_OTHER
export const PATCH = routes.GRAPHQL_OTHER
export const DELETE = routes.GRAPHQL_OTHER
