import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { payloadRoutes } from '../../src/http/payloadRoutes'
import { refuseUndecodablePath } from '../../src/http/refuseUndecodablePath'
import { refuseUnknownMethod } from '../../src/http/refuseUnknownMethod'

export type PayloadHttp = { url: string; close: () => Promise<void> }

type RouteHandler = (
  request: Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

/**
 * Serves Payload's REST API (/api/*) and its GraphQL endpoint (/api/graphql) on 127.0.0.1 with
 * the same route handlers the Next routes in src/app/(payload)/api export, without a Next build.
 * What Next itself does in front of a route (405 for a method the route does not export) is done
 * here the same way, and so is what src/server.ts does in front of Next.
 */
export async function startPayloadHttp(
  config: Parameters<typeof payloadRoutes>[0],
): Promise<PayloadHttp> {
  const routes = payloadRoutes(config)
  const rest: Record<string, RouteHandler> = {
    GET: routes.GET,
    POST: routes.POST,
    PUT: routes.PUT,
    PATCH: routes.PATCH,
    DELETE: routes.DELETE,
    OPTIONS: routes.OPTIONS,
  }
  const server = http.createServer((req, res) => {
    // As src/server.ts does in front of Next.
    if (refuseUnknownMethod(req, res)) return
    if (refuseUndecodablePath(req, res)) return
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
        const method = req.method ?? 'GET'
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) {
          if (value != null) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
        }
        const body = ['GET', 'HEAD'].includes(method) ? undefined : Buffer.concat(chunks)
        const request = new Request(url, { method, headers, body })
        let response: Response
        // Decodes: refuseUndecodablePath answered any path that does not.
        const segments = url.pathname
          .replace(/^\/api\/?/, '')
          .split('/')
          .map(decodeURIComponent)
        if (url.pathname === '/api/graphql') {
          response =
            method === 'POST'
              ? await routes.GRAPHQL_POST(request)
              : method === 'OPTIONS'
                ? await routes.OPTIONS(request, {
                    params: Promise.resolve({ slug: ['graphql'] }),
                  })
                : await routes.GRAPHQL_OTHER()
        } else {
          const handler = rest[method]
          response = handler
            ? await handler(request, { params: Promise.resolve({ slug: segments }) })
            : new Response(null, { status: 405 })
        }
        const text = Buffer.from(await response.arrayBuffer())
        res.writeHead(response.status, Object.fromEntries(response.headers))
        res.end(text)
      })().catch(() => {
        // What Next does with an exception a route handler throws.
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('Internal Server Error')
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
