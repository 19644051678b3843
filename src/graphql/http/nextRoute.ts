import config from '@payload-config'
import { getPayload } from 'payload'

import { clientIpFromHeaders } from '../../lib/clientIp'
import { meetingGuideResponse } from '../feeds/feedResponse'
import { createGraphQLHandler, tooLarge, type ApiResponse, type GraphQLHandler } from './handler'
import { BodyTooLargeError, readWebBody } from './readBody'

// One handler per server process, shared across route bundles and hot reloads.
const KEY = Symbol.for('haven.graphql.nextHandler')
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<GraphQLHandler> }

async function handler(): Promise<GraphQLHandler> {
  holder[KEY] ??= (async () => {
    const payload = await getPayload({ config })
    const checkSeconds = Number(process.env.HAVEN_API_CACHE_CHECK_SECONDS ?? 5)
    return createGraphQLHandler({ payload, watchIntervalMs: Math.max(0, checkSeconds) * 1000 })
  })()
  return holder[KEY]
}

const toResponse = (r: ApiResponse) =>
  new Response(r.status === 204 ? null : r.body, { status: r.status, headers: r.headers })

/** Serves /graphql from the Next app, the same way src/cli/api.ts serves it alone. */
export async function handleGraphQLRoute(request: Request): Promise<Response> {
  const h = await handler()
  const url = new URL(request.url)
  let body: string | null = null
  if (request.method === 'POST') {
    try {
      body = await readWebBody(request, h.limits.maxBodyBytes)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return toResponse(tooLarge(error.limit))
      throw error
    }
  }
  const headers = new Map<string, string>()
  request.headers.forEach((value, name) => headers.set(name.toLowerCase(), value))
  return toResponse(
    await h.handle({
      method: request.method,
      search: url.search,
      headers,
      body,
      ip: clientIpFromHeaders(request.headers),
    }),
  )
}

/** Serves /feeds/meeting-guide.json from the Next app. */
export async function handleMeetingGuideRoute(): Promise<Response> {
  return toResponse(await meetingGuideResponse(await getPayload({ config })))
}
