import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { withRestRateLimit } from './restRateLimit'

type Config = SanitizedConfig | Promise<SanitizedConfig>

/** Payload's REST route handlers (src/app/(payload)/api/[...slug]), each behind its budget. */
export const restRoutes = (config: Config) => ({
  GET: withRestRateLimit(REST_GET(config)),
  POST: withRestRateLimit(REST_POST(config)),
  DELETE: withRestRateLimit(REST_DELETE(config)),
  PATCH: withRestRateLimit(REST_PATCH(config)),
  PUT: withRestRateLimit(REST_PUT(config)),
  OPTIONS: withRestRateLimit(REST_OPTIONS(config)),
})

/** Payload's GraphQL route (/api/graphql): queries and mutations alike arrive as POST, so all
 * of them spend the write budget. */
export const payloadGraphQLRoutes = (config: Config) => ({
  POST: withRestRateLimit(GRAPHQL_POST(config), 'write'),
  OPTIONS: withRestRateLimit(REST_OPTIONS(config)),
})
