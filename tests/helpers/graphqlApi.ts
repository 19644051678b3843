import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import sharp from 'sharp'

import type { ApiLimits } from '../../src/graphql/guards/limits'
import { createGraphQLHandler, type GraphQLHandler } from '../../src/graphql/http/handler'
import { createApiHttpServer } from '../../src/graphql/http/nodeServer'
import { body } from './fixtures'

export type Api = {
  url: string
  handler: GraphQLHandler
  post: (query: string, variables?: object, headers?: Record<string, string>) => Promise<Reply>
  get: (params: Record<string, string>, headers?: Record<string, string>) => Promise<Reply>
  stop: () => Promise<void>
}

export type Reply = { status: number; headers: Headers; text: string; json: any }

async function reply(res: Response): Promise<Reply> {
  const text = await res.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: tests look at text
  }
  return { status: res.status, headers: res.headers, text, json }
}

/** The standalone API server (as `npm run api` runs it) on a free 127.0.0.1 port. */
export async function startApi(payload: Payload, limits: Partial<ApiLimits> = {}): Promise<Api> {
  const handler = await createGraphQLHandler({ payload, limits: { rateLimit: 0, ...limits } })
  const server = createApiHttpServer(payload, handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    handler,
    post: async (query, variables, headers = {}) =>
      reply(
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        }),
      ),
    get: async (params, headers = {}) =>
      reply(await fetch(`${url}/graphql?${new URLSearchParams(params)}`, { headers })),
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await handler.stop()
    },
  }
}

export async function createTopic(payload: Payload, name: string, parent?: number, extra = {}) {
  return payload.create({ collection: 'topics', data: { name, parent, ...extra } })
}

export async function createImage(payload: Payload, alt: string) {
  const data = await sharp({
    create: { width: 1000, height: 700, channels: 3, background: { r: 40, g: 120, b: 200 } },
  })
    .jpeg()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt },
    file: { data, mimetype: 'image/jpeg', name: `img-${Date.now()}.jpg`, size: data.length },
  })
}

export async function createArticle(payload: Payload, data: Record<string, unknown>) {
  return payload.create({
    collection: 'articles',
    data: { body: body(`About ${data.title}.`), _status: 'published', ...data } as never,
  })
}

export async function createGroup(payload: Payload, data: Record<string, unknown>) {
  return payload.create({
    collection: 'support-groups',
    data: {
      _status: 'published',
      facilitation: 'peer-led',
      format: 'in-person',
      schedule: {
        timezone: 'Europe/London',
        weekly: [{ weekdays: ['tuesday'], startTime: '18:30' }],
      },
      ...data,
    } as never,
  })
}
