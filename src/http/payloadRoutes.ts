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

type Config = Promise<SanitizedConfig> | SanitizedConfig

/** Payload's REST and GraphQL route handlers as Next serves them under /api. */
export function payloadRoutes(config: Config) {
  return {
    GET: REST_GET(config),
    POST: REST_POST(config),
    DELETE: REST_DELETE(config),
    PATCH: REST_PATCH(config),
    PUT: REST_PUT(config),
    OPTIONS: REST_OPTIONS(config),
    GRAPHQL_POST: GRAPHQL_POST(config),
  }
}
