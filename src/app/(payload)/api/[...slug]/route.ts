/* Payload's REST API under /api, with a per-client budget for reads and one for writes. */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { withRestRateLimit } from '../../../../auth/restRateLimit'

export const GET = withRestRateLimit(REST_GET(config))
export const POST = withRestRateLimit(REST_POST(config))
export const DELETE = withRestRateLimit(REST_DELETE(config))
export const PATCH = withRestRateLimit(REST_PATCH(config))
export const PUT = withRestRateLimit(REST_PUT(config))
export const OPTIONS = withRestRateLimit(REST_OPTIONS(config))
