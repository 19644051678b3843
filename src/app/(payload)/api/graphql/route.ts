/* Payload's own GraphQL (used by the admin). Frontends use Haven's public API at /graphql. */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withRestRateLimit } from '../../../../auth/restRateLimit'

// Queries and mutations arrive alike as POST, so all of them spend the write budget.
export const POST = withRestRateLimit(GRAPHQL_POST(config), 'write')
export const OPTIONS = withRestRateLimit(REST_OPTIONS(config))
