import type { SanitizedConfig } from 'payload'

import { payloadRoutes } from '../http/payloadRoutes'
import { withRestRateLimit } from './restRateLimit'

type Config = SanitizedConfig | Promise<SanitizedConfig>

/**
 * Payload's REST route handlers (src/app/(payload)/api/[...slug]): each behind its budget first,
 * then Haven's request checks (src/http/payloadRoutes.ts).
 */
export const restRoutes = (config: Config) => {
  const routes = payloadRoutes(config)
  return {
    GET: withRestRateLimit(routes.GET),
    POST: withRestRateLimit(routes.POST),
    DELETE: withRestRateLimit(routes.DELETE),
    PATCH: withRestRateLimit(routes.PATCH),
    PUT: withRestRateLimit(routes.PUT),
    OPTIONS: withRestRateLimit(routes.OPTIONS),
  }
}

/** Payload's GraphQL route (/api/graphql): queries and mutations alike arrive as POST, so all
 * of them spend the write budget. Other methods get a 405. */
export const payloadGraphQLRoutes = (config: Config) => {
  const routes = payloadRoutes(config)
  return {
    POST: withRestRateLimit(routes.GRAPHQL_POST, 'write'),
    OPTIONS: withRestRateLimit(routes.OPTIONS),
    OTHER: routes.GRAPHQL_OTHER,
  }
}
