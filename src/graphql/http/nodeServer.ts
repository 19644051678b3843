import http from 'node:http'
import type { Payload } from 'payload'

import { clientIpFromNode } from '../../lib/clientIp'
import { meetingGuideResponse } from '../feeds/feedResponse'
import { errorResponse, tooLarge, type ApiResponse, type GraphQLHandler } from './handler'
import { BodyTooLargeError, readNodeBody } from './readBody'

function send(res: http.ServerResponse, response: ApiResponse) {
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': Buffer.byteLength(response.body),
  })
  res.end(response.body)
}

/** The paths the public API answers on Node's own request objects. */
export const isPublicApiPath = (pathname: string) =>
  pathname === '/graphql' || pathname === '/feeds/meeting-guide.json'

/** Answers one /graphql or /feeds/meeting-guide.json request; false for any other path. */
export type NodeApiHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => Promise<boolean>

export function createNodeApiHandler(payload: Payload, handler: GraphQLHandler): NodeApiHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    try {
      if (url.pathname === '/graphql') {
        const body =
          req.method === 'POST' ? await readNodeBody(req, handler.limits.maxBodyBytes) : null
        const headers = new Map<string, string>()
        for (const [name, value] of Object.entries(req.headers)) {
          if (value != null) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
        }
        send(
          res,
          await handler.handle({
            method: req.method ?? 'GET',
            search: url.search,
            headers,
            body,
            ip: clientIpFromNode(req),
          }),
        )
        return true
      }
      if (url.pathname === '/feeds/meeting-guide.json' && req.method === 'GET') {
        send(res, await meetingGuideResponse(payload))
        return true
      }
      return false
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of an oversized body is not worth reading.
        res.setHeader('connection', 'close')
        send(res, tooLarge(error.limit))
        return true
      }
      payload.logger.error({ err: error }, 'public API request failed')
      send(res, errorResponse(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'))
      return true
    }
  }
}

/** The standalone API server: /graphql, /feeds/meeting-guide.json and /healthz. */
export function createApiHttpServer(payload: Payload, handler: GraphQLHandler): http.Server {
  const api = createNodeApiHandler(payload, handler)
  return http.createServer(async (req, res) => {
    if (await api(req, res)) return
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    if (pathname === '/healthz') {
      send(res, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' })
    } else {
      send(res, errorResponse(404, 'NOT_FOUND', 'Not found: the API is at /graphql.'))
    }
  })
}
