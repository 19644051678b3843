import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'

import { createImage, startApi, type Api } from '../helpers/graphqlApi'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createEndpoint, secretOf, WEBHOOK_TEST_ENV } from '../helpers/webhooks'
import { seed } from '../../src/seed'
import { startWebhookWorker, stopWebhookWorker } from '../../src/webhooks/worker'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { signPreviewToken } from '../../src/graphql/preview/previewToken'
import { createSite, type Site } from '../../site/app'
import { exportSite } from '../../site/export'

let t: TestPayload
let payload: Payload
let api: Api
let site: Site
let siteUrl: string
let secret: string
let endpointId: number | string
const siteLog: string[] = []
const edit = { skipReviewWorkflow: true, skipContentChecks: true }

type Doc = { id: number | string; slug: string; title: string }
let article: Doc
// An article whose page no other test opens, so its cache holds only what the receiver test put there.
let other: Doc
let drafted: Doc
let group: Doc

beforeAll(async () => {
  t = await startPayload({ ...WEBHOOK_TEST_ENV, HAVEN_JOIN_MIN_FILL_SECONDS: '0' })
  payload = t.payload
  await seed(payload)
  api = await startApi(payload)
  // Haven signs with the endpoint's own secret; the site is configured with it, as in the docs.
  const endpoint = await createEndpoint(payload, {
    url: 'http://127.0.0.1:9/webhooks/haven',
    name: 'Reader site',
    active: false,
    subscriptions: [
      { source: 'articles', operations: ['publish', 'unpublish', 'update', 'delete'] },
      { source: 'support-groups', operations: ['publish', 'unpublish', 'update', 'delete'] },
    ],
  } as never)
  endpointId = endpoint.id
  secret = await secretOf(payload, endpoint.id)
  site = createSite({
    apiUrl: `${api.url}/graphql`,
    publicUrl: 'http://127.0.0.1',
    webhookSecrets: [secret],
    log: (line) => siteLog.push(line),
  })
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`
  const articles = await payload.find({ collection: 'articles', limit: 3, depth: 0, sort: 'id' })
  article = articles.docs[0] as Doc
  other = articles.docs[1] as Doc
  drafted = articles.docs[2] as Doc
  const groups = await payload.find({
    collection: 'support-groups',
    where: { openToNewMembers: { equals: true } },
    limit: 1,
    depth: 0,
  })
  group = { ...groups.docs[0], title: groups.docs[0].name } as Doc
}, 120_000)

afterAll(async () => {
  if (payload) await stopWebhookWorker(payload)
  site?.server.closeAllConnections()
  await new Promise((resolve) => site?.server.close(resolve))
  await api?.stop()
  await t?.stop()
}, 60_000)

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${siteUrl}${path}`, { redirect: 'manual', ...init })
  // Whitespace folded: the templates' line breaks are not what the tests are about.
  const text = (await res.text()).replace(/\s+/g, ' ')
  return { status: res.status, headers: res.headers, text }
}

async function setSummary(summary: string, doc: Doc = article) {
  return payload.update({
    collection: 'articles',
    id: doc.id,
    data: { summary, _status: 'published' } as never,
    depth: 0,
    context: edit,
  })
}

function deliver(body: string, headers: Record<string, string>) {
  return fetch(`${siteUrl}/webhooks/haven`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}

function signed(key: string, id: string, body: string, at = new Date()) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, body),
  }
}

describe('pages from the public API', () => {
  it('home shows the latest articles, topics and crisis help, with landmarks and security headers', async () => {
    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.text).toContain('<html lang="en">')
    expect(home.text).toContain(article.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;'))
    expect(home.text).toContain('href="/topics/therapies"')
    expect(home.text).toMatch(/<header[^>]*>\s*<p class="crisis-link"><a href="\/help">/)
    expect(home.text).toContain('<main id="main"')
    expect(home.text).toContain('<a class="skip" href="#main">')
    expect(home.text).toContain('hreflang="es"')
    expect(home.text).toContain(`href="${api.url}/feeds/meeting-guide.json"`)
    expect(home.text).not.toMatch(/<script/i)
    expect(home.headers.get('content-security-policy')).toMatch(/^default-src 'self'/)
    expect(home.headers.get('set-cookie')).toBeNull()
    // What a browser fetches by itself (images, styles) stays on this machine; links are clicks.
    const loaded = [
      ...home.text.matchAll(/\ssrc="([^"]+)"/g),
      ...home.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g),
    ].map((m) => new URL(m[1], siteUrl).hostname)
    expect(loaded.length).toBeGreaterThan(0)
    expect(loaded.every((host) => host === '127.0.0.1')).toBe(true)
  })

  it('article, topic, group directory and group page render the demo content', async () => {
    const page = await get(`/articles/${article.slug}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Last reviewed')
    expect(page.text).toContain('id="article-body"')
    const topic = await get('/topics/therapies')
    expect(topic.status).toBe(200)
    expect(topic.text).toContain('<h1>Therapies</h1>')
    const directory = await get('/groups')
    expect(directory.text).toContain(`href="/groups/${group.slug}"`)
    const groupPage = await get(`/groups/${group.slug}`)
    expect(groupPage.status).toBe(200)
    expect(groupPage.text).toMatch(/\((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d(–\d\d:\d\d)? UTC\)/)
    expect(groupPage.text).not.toContain('DEMO DATA')
    const spanish = await get(`/es/articles/${article.slug}`)
    expect(spanish.text).toContain('<html lang="es">')
    expect(spanish.text).toContain('Esta página aún no está traducida')
  })

  it('shows the hero image with its alt text, from the one image origin the CSP allows', async () => {
    const image = await createImage(payload, 'A skills group sitting in a circle')
    await payload.update({
      collection: 'articles',
      id: drafted.id,
      data: { heroImage: image.id, _status: 'published' } as never,
      depth: 0,
      context: edit,
    })
    const page = await get(`/articles/${drafted.slug}`)
    const img = page.text.match(/<img src="([^"]+)" alt="([^"]*)"/)
    expect(img?.[2]).toBe('A skills group sitting in a circle')
    expect(new URL(img![1]).origin).toBe(api.url)
    expect(page.headers.get('content-security-policy')).toContain(`img-src 'self' ${api.url};`)
  })

  it('answers 404 for unknown pages and refuses other methods with 405', async () => {
    expect((await get('/nothing/here')).status).toBe(404)
    expect((await get('/articles/no-such-article')).status).toBe(404)
    expect((await get('/', { method: 'DELETE' })).status).toBe(405)
  })

  it('search finds articles; a query Haven refuses comes back on the form as 400, not an error', async () => {
    const found = await get('/search?q=dialectical')
    expect(found.status).toBe(200)
    expect(found.headers.get('cache-control')).toBe('no-store')
    expect(found.text).toContain(`href="/articles/${article.slug}"`)
    const refused = await get('/search?q=x')
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('role="alert"')
    expect(refused.text).toMatch(/2–100 characters/)
    expect(siteLog.join('\n')).not.toContain('dialectical')
  })

  it('sitemap and JSON feed list the articles', async () => {
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.text).toContain(`http://127.0.0.1/es/articles/${article.slug}`)
    const feed = JSON.parse((await get('/feed.json')).text)
    expect(feed.items.map((i: { url: string }) => i.url)).toContain(
      `http://127.0.0.1/articles/${article.slug}`,
    )
  })

  it('the join form forwards to Haven and confirms; a refusal keeps the form with Haven’s message', async () => {
    const form = await get(`/groups/${group.slug}/join`)
    expect(form.status).toBe(200)
    expect(form.headers.get('cache-control')).toBe('no-store')
    const token = form.text.match(/name="formToken" value="([^"]+)"/)![1]
    for (const id of form.text.matchAll(/<input id="([^"]+)"/g)) {
      expect(form.text).toContain(`<label for="${id[1]}">`)
    }
    const post = (fields: Record<string, string>) =>
      get(`/groups/${group.slug}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      })
    const refused = await post({ formToken: token, name: 'Sam', contact: 'sam@example.org' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('role="alert"')
    expect(refused.text).toContain('value="sam@example.org"')
    const sent = await post({
      formToken: token,
      name: 'Sam',
      contact: 'sam@example.org',
      consent: 'yes',
    })
    expect(sent.status).toBe(200)
    expect(sent.text).toContain('Request sent')
    const stored = await payload.count({
      collection: 'join-requests',
      where: { group: { equals: group.id } },
    })
    expect(stored.totalDocs).toBe(1)
    expect(siteLog.join('\n')).not.toContain('sam@example.org')
  })

  it('a preview token shows the draft, uncached and noindex; a forged one shows nothing private', async () => {
    await payload.update({
      collection: 'articles',
      id: drafted.id,
      draft: true,
      data: { summary: 'Unpublished draft wording' } as never,
      context: edit,
    })
    const token = signPreviewToken(payload.secret, { collection: 'articles', id: drafted.id })
    const preview = await get(`/preview/articles?token=${encodeURIComponent(token)}`)
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('Unpublished draft wording')
    expect(preview.text).toContain('<meta name="robots" content="noindex, nofollow" />')
    expect(preview.headers.get('cache-control')).toBe('no-store')
    expect(preview.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(preview.headers.get('set-cookie')).toBeNull()
    const live = await get(`/articles/${drafted.slug}`)
    expect(live.text).not.toContain('Unpublished draft wording')

    const forged = await get(
      `/preview/articles?token=${encodeURIComponent(token.slice(0, -2) + 'xx')}`,
    )
    expect(forged.status).toBe(403)
    expect(forged.text).not.toContain('Unpublished draft wording')
    expect(forged.text).not.toContain(drafted.title)
    const expired = signPreviewToken(
      payload.secret,
      { collection: 'articles', id: drafted.id },
      60,
      Date.now() - 120_000,
    )
    expect((await get(`/preview/articles?token=${expired}`)).status).toBe(403)
    expect((await get('/preview/articles')).status).toBe(400)
  })

  it('the static export writes every page, without the join form', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-site-out-'))
    try {
      const exporter = createSite({
        apiUrl: `${api.url}/graphql`,
        publicUrl: 'http://127.0.0.1',
        staticExport: true,
        log: () => undefined,
      })
      const written = await exportSite(exporter, path.join(out, 'site'))
      const read = (p: string) => fs.readFileSync(path.join(out, 'site', p), 'utf8')
      expect(written).toBeGreaterThan(10)
      expect(read('index.html')).toContain('<html lang="en">')
      expect(read(`es/articles/${article.slug}/index.html`)).toContain('<html lang="es">')
      expect(read(`groups/${group.slug}/index.html`)).not.toContain('/join')
      expect(read('sitemap.xml')).toContain('<urlset')
      expect(JSON.parse(read('feed.json')).items.length).toBeGreaterThan(0)
      expect(read('404.html')).toContain('Page not found')
    } finally {
      fs.rmSync(out, { recursive: true, force: true })
    }
  })
})

describe('webhook receiver', () => {
  const bodyFor = () =>
    JSON.stringify({
      type: 'content.updated',
      timestamp: new Date().toISOString(),
      data: {
        changes: [
          {
            collection: 'articles',
            id: String(other.id),
            slug: other.slug,
            operation: 'update',
          },
        ],
      },
    })

  it('forged, wrong-secret, stale and replayed deliveries refresh nothing; a genuine one does', async () => {
    const path = `/articles/${other.slug}`
    await setSummary('Cached summary one', other)
    expect((await get(path)).text).toContain('Cached summary one')
    // Haven changes, but no endpoint is active yet: the site keeps its cached page.
    await setSummary('Changed summary two', other)
    const served = await api.post(`{ article(slug: "${other.slug}") { summary } }`)
    expect(served.json.data.article.summary).toBe('Changed summary two')
    expect((await get(path)).text).toContain('Cached summary one')

    const body = bodyFor()
    const forged = await deliver(body, {
      ...signed(secret, 'msg_forged', body),
      'webhook-signature': 'v1,' + Buffer.alloc(32).toString('base64'),
    })
    expect(forged.status).toBe(401)
    const otherSecret = 'whsec_' + Buffer.alloc(24, 7).toString('base64')
    const wrong = await deliver(body, signed(otherSecret, 'msg_wrong', body))
    expect(wrong.status).toBe(401)
    const stale = await deliver(
      body,
      signed(secret, 'msg_stale', body, new Date(Date.now() - 10 * 60_000)),
    )
    expect(stale.status).toBe(401)
    const unsigned = await deliver(body, {})
    expect(unsigned.status).toBe(400)
    expect((await get(path)).text).toContain('Cached summary one')

    const genuine = await deliver(body, signed(secret, 'msg_genuine', body))
    expect(genuine.status).toBe(200)
    expect((await get(path)).text).toContain('Changed summary two')

    // The same webhook-id again, freshly signed as Haven's retries are: applied once only.
    await setSummary('Changed summary three', other)
    const replay = await deliver(body, signed(secret, 'msg_genuine', body))
    expect(replay.status).toBe(200)
    expect((await get(path)).text).toContain('Changed summary two')
    const directory = await get('/groups')
    expect(directory.status).toBe(200)
  })

  it('Haven itself signs and sends: each publish reaches the page; lag measured over 10 publishes', async () => {
    await payload.update({
      collection: 'webhook-endpoints',
      id: endpointId,
      data: { url: `${siteUrl}/webhooks/haven`, active: true },
      depth: 0,
    })
    process.env.HAVEN_DISABLE_JOBS = 'false'
    startWebhookWorker(payload)
    process.env.HAVEN_DISABLE_JOBS = 'true'

    const path = `/articles/${article.slug}`
    const lags: number[] = []
    for (let i = 0; i < 10; i += 1) {
      expect((await get(path)).status).toBe(200) // warm: the page is in the cache
      const summary = `Fresh summary ${i}`
      await setSummary(summary)
      const published = performance.now()
      for (;;) {
        if ((await get(path)).text.includes(summary)) break
        if (performance.now() - published > 10_000)
          throw new Error(`publish ${i} never reached the page`)
        await new Promise((r) => setImmediate(r))
      }
      lags.push(performance.now() - published)
    }
    lags.sort((a, b) => a - b)
    const p50 = lags[Math.floor(lags.length * 0.5)]
    const p95 = lags[Math.ceil(lags.length * 0.95) - 1]
    process.stdout.write(
      `site freshness lag over 10 publishes: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms\n`,
    )
    expect(p95).toBeLessThan(2_000)
    expect(siteLog.some((l) => /content\.(updated|published|changed)/.test(l))).toBe(true)
  })

  it('an unpublished article answers 410 once Haven says so', async () => {
    const path = `/articles/${article.slug}`
    expect((await get(path)).status).toBe(200)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' } as never,
      depth: 0,
      context: { ...edit, havenUnpublish: String(article.id), havenUnpublishReason: 'Outdated' },
    })
    const started = performance.now()
    let status = 200
    while (status === 200 && performance.now() - started < 10_000) {
      status = (await get(path)).status
      await new Promise((r) => setImmediate(r))
    }
    expect(status).toBe(410)
  })
})
