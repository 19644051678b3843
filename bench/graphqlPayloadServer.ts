/**
 * Payload's own GraphQL endpoint (the handler its Next route uses, GRAPHQL_POST) behind a plain
 * node:http server, for bench/graphql.ts to compare against. Listens on BENCH_PORT.
 */
import http from 'node:http'
import { getPayload } from 'payload'
import { GRAPHQL_POST } from '@payloadcms/next/routes'

import config from '../payload.config'

const port = Number(process.env.BENCH_PORT)
await getPayload({ config })
const handle = GRAPHQL_POST(config)

http
  .createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
    }
    const response = await handle(
      new Request(`http://127.0.0.1:${port}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      }),
    )
    const body = Buffer.from(await response.arrayBuffer())
    res.writeHead(response.status, {
      'content-type': 'application/json',
      'content-length': body.length,
    })
    res.end(body)
  })
  .listen(port, '127.0.0.1', () => process.send?.({ type: 'listening', port }))
