import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { stampForwardedFor } from '../../src/lib/clientIp'

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ slug: string[] }> },
) => Promise<Response>
export type Routes = Partial<Record<string, RouteHandler>>

export type RestServer = {
  /** A request from a chosen loopback address (127.0.0.x), so tests have several clients. */
  call: (
    path: string,
    options?: { method?: string; headers?: Record<string, string>; body?: unknown; from?: string },
  ) => Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; json: any }>
  stop: () => Promise<void>
}

/**
 * A real HTTP server that does what src/server.ts does before Next (stamps X-Forwarded-For from
 * the socket), then hands the request to the exported route handlers of src/app/(payload)/api,
 * the way Next's router does: a web Request, and the path after /api/ as the slug.
 */
export async function startRestServer(routes: Routes): Promise<RestServer> {
  const server = http.createServer(async (req, res) => {
    stampForwardedFor(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const handler = routes[req.method ?? 'GET']
    if (!handler) {
      res.writeHead(405).end()
      return
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: 'half',
    } as RequestInit)
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const response = await handler(request, { params: Promise.resolve({ slug }) })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    call: (path, { method = 'GET', headers = {}, body, from = '127.0.0.1' } = {}) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body)
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            path,
            method,
            localAddress: from,
            agent: false,
            headers: {
              ...(payload ? { 'content-type': 'application/json' } : {}),
              ...headers,
            },
          },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (c: Buffer) => chunks.push(c))
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8')
              let json: unknown = null
              try {
                json = JSON.parse(text)
              } catch {
                // not JSON
              }
              resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json })
            })
          },
        )
        request.on('error', reject)
        request.end(payload)
      }),
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
