import http from 'node:http'
import type { Payload } from 'payload'
import sharp from 'sharp'

import { ARTICLE_TEXT_LIMITS } from '../../src/checks'
import { articleChecks } from '../../src/checks/registry'
import { toLexical } from '../../src/lib/lexical'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startPayloadHttp, type PayloadHttp } from '../helpers/payloadHttp'

let t: TestPayload
let payload: Payload
let rest: PayloadHttp
let token: string
let checksRun = 0

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  // Every content check counts its runs, inside the real save pipeline.
  articleChecks.forEach((check, i) => {
    articleChecks[i] = (input) => {
      checksRun++
      return check(input)
    }
  })
  const editor = await createUser(payload, ['editor'])
  const login = await payload.login({
    collection: 'users',
    data: { email: editor.email, password: 'correct-horse-battery-staple' },
  })
  token = login.token!
  const { default: config } = await import('../../payload.config')
  rest = await startPayloadHttp(config)
}, 120_000)

afterAll(async () => {
  await rest?.close()
  await t?.stop()
}, 60_000)

const body = (text: string) => toLexical([{ type: 'paragraph', text }])
const prose = 'Peer support groups help people share what works for them. '

/** The field messages of a refused Local API save, and its status. */
async function refusal(save: Promise<unknown>) {
  try {
    await save
  } catch (error) {
    const e = error as { status?: number; data?: { errors?: Array<{ message: string }> } }
    return { status: e.status, messages: (e.data?.errors ?? []).map((m) => m.message) }
  }
  return { status: 200, messages: [] }
}

describe('text limits come before the content checks', () => {
  it('counts the checks of an ordinary save (so the counter below can see them)', async () => {
    const before = checksRun
    await payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Peer support', slug: 'limits-ok', body: body(prose.repeat(20)) },
    })
    expect(checksRun - before).toBe(articleChecks.length)
  })

  it.each([
    ['title', { title: 'w'.repeat(ARTICLE_TEXT_LIMITS.title * 10) }],
    [
      'summary',
      { title: 'Long summary', summary: 'word '.repeat(ARTICLE_TEXT_LIMITS.summary * 2) },
    ],
    ['body', { title: 'Long body', body: body(prose.repeat(ARTICLE_TEXT_LIMITS.body / 6)) }],
  ])(
    'refuses a draft with a %s 10× over its limit without running a check',
    async (field, data) => {
      const before = checksRun
      const articles = await payload.count({ collection: 'articles' })
      const result = await refusal(
        payload.create({
          collection: 'articles',
          draft: true,
          data: { slug: `big-${field}`, ...data },
        }),
      )
      expect(result.status).toBe(400)
      expect(result.messages.join(' ')).toMatch(new RegExp(`The ${field} is too long: at most`))
      expect(checksRun).toBe(before)
      expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(articles.totalDocs)
    },
  )

  it('refuses an update 10× over the title limit, for every locale sent at once', async () => {
    const doc = await payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'To be stretched', slug: 'limits-update', body: body(prose) },
    })
    const before = checksRun
    const result = await refusal(
      payload.update({
        collection: 'articles',
        id: doc.id,
        locale: 'all' as never,
        draft: true,
        data: { title: { en: 'Fine', es: 'x'.repeat(1600) } as unknown as string },
      }),
    )
    expect(result).toMatchObject({ status: 400 })
    expect(result.messages.join(' ')).toMatch(/title is too long/)
    expect(checksRun).toBe(before)
  })

  it('refuses rich text nested deeper than any editor writes', async () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep', version: 1 }
    for (let i = 0; i < 100; i++) node = { type: 'listitem', version: 1, children: [node] }
    const deep = { root: { type: 'root', version: 1, children: [node] } }
    const before = checksRun
    const result = await refusal(
      payload.create({
        collection: 'articles',
        draft: true,
        data: { title: 'Deep', slug: 'deep', body: deep as never },
      }),
    )
    expect(result).toMatchObject({
      status: 400,
      messages: ['The body is nested too deeply to be saved.'],
    })
    expect(checksRun).toBe(before)
  })
})

/** A request on a real socket; `chunked` sends the body without a Content-Length. */
function send(
  path: string,
  payloadBody: Buffer,
  headers: Record<string, string>,
  chunked = false,
): Promise<{ status: number; json: any }> {
  const url = new URL(path, rest.url)
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `JWT ${token}`,
          ...headers,
          ...(chunked ? {} : { 'content-length': String(payloadBody.length) }),
        },
      },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => {
          const text = Buffer.concat(parts).toString()
          resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : null })
        })
      },
    )
    // The server may answer and close before the whole body is sent.
    req.on('error', reject)
    if (chunked) {
      for (let i = 0; i < payloadBody.length; i += 64 * 1024)
        req.write(payloadBody.subarray(i, i + 64 * 1024))
      req.end()
    } else req.end(payloadBody)
  })
}

const json = { 'content-type': 'application/json' }

describe('the /api request body limit', () => {
  const article = (text: string) =>
    Buffer.from(JSON.stringify({ title: 'Big', slug: `http-${text.length}`, body: body(text) }))

  it('answers 413 with a message for a JSON body over 2 MB, declared or chunked', async () => {
    const big = article(prose.repeat(Math.ceil((3 * 1024 * 1024) / prose.length)))
    for (const chunked of [false, true]) {
      const res = await send('/api/articles?draft=true', big, json, chunked)
      expect(res.status).toBe(413)
      expect(res.json.errors[0].message).toBe(
        'The request body is larger than the 2 MB this endpoint accepts.',
      )
    }
  })

  it('lets a body under the limit reach the text limits, which answer 400', async () => {
    const res = await send('/api/articles?draft=true', article(prose.repeat(20_000)), json)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toBe(
      `The body is too long: at most ${ARTICLE_TEXT_LIMITS.body.toLocaleString('en')} characters are accepted.`,
    )
  })

  it('saves an article at the body limit', async () => {
    const text = prose.repeat(Math.floor(ARTICLE_TEXT_LIMITS.body / prose.length))
    const res = await send('/api/articles?draft=true', article(text), json)
    expect(res.status).toBe(201)
  })

  it('still takes a media upload larger than the JSON limit', async () => {
    // Noise does not compress: a PNG of a few megabytes.
    const size = 1100
    const noise = Buffer.alloc(size * size * 3)
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24
    const png = await sharp(noise, { raw: { width: size, height: size, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(png.length).toBeGreaterThan(2 * 1024 * 1024)
    const boundary = 'haven-limit-test'
    const form = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n` +
          `${JSON.stringify({ alt: 'Noise' })}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="noise.png"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const res = await send('/api/media', form, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    })
    expect({ status: res.status, errors: res.json?.errors }).toEqual({
      status: 201,
      errors: undefined,
    })
  })
})
