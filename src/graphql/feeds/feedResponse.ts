import type { Payload } from 'payload'

import { cacheVersion, getCached, responseCacheEnabled, setCached } from '../cache/responseCache'
import { CORS_HEADERS, type ApiResponse } from '../http/handler'
import { buildMeetingGuideFeed } from './meetingGuide'

const KEY = 'FEED meeting-guide.json'
const MAX_AGE = 300

/** /feeds/meeting-guide.json, from the same response cache (and invalidation) as the API. */
export async function meetingGuideResponse(payload: Payload): Promise<ApiResponse> {
  if (responseCacheEnabled()) {
    const hit = getCached(KEY)
    if (hit) return hit
  }
  const startedAt = cacheVersion()
  const response: ApiResponse = {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': `max-age=${MAX_AGE}, public`,
      ...CORS_HEADERS,
    },
    body: JSON.stringify(await buildMeetingGuideFeed(payload)),
  }
  if (responseCacheEnabled()) setCached(KEY, response, startedAt, MAX_AGE)
  return response
}
