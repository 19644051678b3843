import config from '@payload-config'
import { getPayload } from 'payload'

import { clientIpFromHeaders } from '../../lib/clientIp'
import { meetingGuideResponse } from '../feeds/feedResponse'
import { createGraphQLHandler, tooLarge, type ApiResponse, type GraphQLHandler } from './handler'
import { createNodeApiHandler, type NodeApiHandler } from './nodeServer'
import { BodyTooLargeError, readWebBody } from './readBody'

// One handler per server process, shared across route bundles and hot reloads.
const KEY = Symbol.for('haven.graphql.nextHandler')
// Where src/server.ts finds the same handler, to answer /graphql and /feeds on Node's own request
// objects before Next routes them (Next's route handling costs ~20× the API's own work). It is the
// instance this bundle built, over this bundle's Payload: one Payload, one cache, one job runner.
const NODE_KEY = Symbol.for('haven.api.nodeHandler')
// And how it stops this bundle's Payload on SIGTERM: the webhook worker finishes its current
// attempt and the database closes (payload.destroy()).
const STOP_KEY = Symbol.for('haven.api.stop')
const holder = globalThis as typeof globalThis & {
  [KEY]?: Promise<GraphQLHandler>
  [NODE_KEY]?: NodeApiHandler
  [STOP_KEY]?: () => Promise<void>
}

async function handler(): Promise<GraphQLHandler> {
  holder[KEY] ??= (async () => {
    const payload = await getPayload({ config })
    const checkSeconds = Number(process.env.HAVEN_API_CACHE_CHECK_SECONDS ?? 5)
    const created = await createGraphQLHandler({
      payload,
      watchIntervalMs: Math.max(0, checkSeconds) * 1000,
    })
    holder[NODE_KEY] = createNodeApiHandler(payload, created)
    holder[STOP_KEY] = async () => {
      await created.stop()
      await payload.destroy()
    }
    return created
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
