import http from 'node:http'
import type { Payload } from 'payload'

import { clientIpFromNode } from '../../lib/clientIp'
import { meetingGuideResponse } from '../feeds/feedResponse'
import { errorResponse, tooLarge, type ApiResponse, type GraphQLHandler } from './handler'
import { BodyTooLargeError, ClientClosedError, readNodeBody } from './readBody'

function send(res: http.ServerResponse, response: ApiResponse) {
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': Buffer.byteLength(response.body),
  })
  res.end(response.body)
}

/**
 * Takes a /graphql or /feeds/meeting-guide.json request and answers it (returns true at once,
 * the answer follows); returns false for any other path. Synchronous on purpose: the hot path
 * (a cached answer) then runs without a promise of its own.
 */
export type NodeApiHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean

export function createNodeApiHandler(payload: Payload, handler: GraphQLHandler): NodeApiHandler {
  const fail = (res: http.ServerResponse, error: unknown) => {
    if (error instanceof ClientClosedError) {
      // Nobody to answer, nothing broken: a refusal-level line, not an error with a stack.
      payload.logger.info('public API: the client hung up before sending its whole request body')
      return
    }
    if (error instanceof BodyTooLargeError) {
      // The rest of an oversized body is not worth reading.
      res.setHeader('connection', 'close')
      send(res, tooLarge(error.limit))
      return
    }
    payload.logger.error({ err: error }, 'public API request failed')
    if (!res.headersSent) {
      send(res, errorResponse(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'))
    }
  }
  const answer = (res: http.ServerResponse, response: ApiResponse | Promise<ApiResponse>) => {
    if (response instanceof Promise) {
      response.then(
        (settled) => send(res, settled),
        (error) => fail(res, error),
      )
    } else {
      send(res, response)
    }
  }
  const graphql = (req: http.IncomingMessage, res: http.ServerResponse, search: string) => {
    const headers = new Map<string, string>()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value != null) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const method = req.method ?? 'GET'
    const ip = clientIpFromNode(req)
    const respond = (body: string | null) => {
      try {
        answer(res, handler.handle({ method, search, headers, body, ip }))
      } catch (error) {
        fail(res, error)
      }
    }
    if (method === 'POST') {
      readNodeBody(req, handler.limits.maxBodyBytes).then(respond, (error) => fail(res, error))
    } else {
      respond(null)
    }
  }

  return (req, res) => {
    const url = req.url ?? '/'
    const query = url.indexOf('?')
    const pathname = query === -1 ? url : url.slice(0, query)
    if (pathname === '/graphql') {
      try {
        graphql(req, res, query === -1 ? '' : url.slice(query))
      } catch (error) {
        fail(res, error)
      }
      return true
    }
    if (pathname === '/feeds/meeting-guide.json' && req.method === 'GET') {
      meetingGuideResponse(payload).then(
        (response) => send(res, response),
        (error) => fail(res, error),
      )
      return true
    }
    return false
  }
}

/** The standalone API server: /graphql, /feeds/meeting-guide.json and /healthz. */
export function createApiHttpServer(payload: Payload, handler: GraphQLHandler): http.Server {
  const api = createNodeApiHandler(payload, handler)
  return http.createServer((req, res) => {
    if (api(req, res)) return
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    if (pathname === '/healthz') {
      send(res, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' })
    } else {
      send(res, errorResponse(404, 'NOT_FOUND', 'Not found: the API is at /graphql.'))
    }
  })
}
