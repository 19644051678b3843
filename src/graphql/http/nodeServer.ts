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

/** The standalone API server: /graphql, /feeds/meeting-guide.json and /healthz. */
export function createApiHttpServer(payload: Payload, handler: GraphQLHandler): http.Server {
  return http.createServer(async (req, res) => {
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
      } else if (url.pathname === '/feeds/meeting-guide.json' && req.method === 'GET') {
        send(res, await meetingGuideResponse(payload))
      } else if (url.pathname === '/healthz') {
        send(res, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' })
      } else {
        send(res, errorResponse(404, 'NOT_FOUND', 'Not found: the API is at /graphql.'))
      }
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of an oversized body is not worth reading.
        res.setHeader('connection', 'close')
        send(res, tooLarge(error.limit))
        return
      }
      console.error('API server error:', error)
      send(res, errorResponse(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'))
    }
  })
}
