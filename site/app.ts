import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { ApiRefusal, createApi, type Article, type HavenApi, type Locale, type Topic } from './api'
import { PageCache, type Rendered } from './cache'
import { escape, type Html } from './render/html'
import { localePath, strings } from './render/i18n'
import { layout } from './render/layout'
import {
  articlePage,
  articlePath,
  groupPage,
  groupPath,
  groupsPage,
  helpPage,
  homePage,
  joinedPage,
  joinPage,
  messagePage,
  searchPage,
  topicPage,
  topicPath,
} from './render/pages'
import { createWebhookReceiver, tagsFor, type Change } from './webhook'

export type SiteOptions = {
  /** Haven's public GraphQL endpoint. */
  apiUrl: string
  /** Where readers reach this site, for canonical and hreflang links, the sitemap and the feed. */
  publicUrl: string
  /** Secrets of the Haven webhook endpoint that points here; none turns the receiver off. */
  webhookSecrets?: string[]
  /** Origin Haven serves uploaded images from; defaults to the API's origin. */
  mediaOrigin?: string
  /** Logs one line per event; never given reader data. */
  log?: (line: string) => void
  /** A static export has no server to post the join form to. */
  staticExport?: boolean
}

const CSS = fs.readFileSync(path.join(import.meta.dirname, 'static/site.css'), 'utf8')
const MAX_FORM_BYTES = 16 * 1024
const MAX_WEBHOOK_BYTES = 256 * 1024
// Next meetings are computed from "now": a group page must not show last week's dates.
const GROUP_PAGE_MAX_AGE_MS = 10 * 60_000

type Page = Rendered & { tags?: string[]; maxAgeMs?: number; cache?: boolean }

const STATUS_FOR_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GROUP_CLOSED: 409,
  NOT_TAKEN_ONLINE: 409,
  RATE_LIMITED: 429,
}

class TooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new TooLarge())
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Splits /es/… into the locale and the path the page has in every locale. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/es' || pathname === '/es/') return { locale: 'es', path: '/' }
  if (pathname.startsWith('/es/')) return { locale: 'es', path: pathname.slice(3) }
  return { locale: 'en', path: pathname }
}

const flatten = (topics: Topic[]): Topic[] =>
  topics.flatMap((t) => [t, ...flatten(t.children ?? [])])

export function createSite(options: SiteOptions) {
  const api: HavenApi = createApi(options.apiUrl)
  const cache = new PageCache()
  const receiver = createWebhookReceiver(options.webhookSecrets ?? [])
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const apiOrigin = new URL(options.apiUrl).origin
  const mediaOrigin = options.mediaOrigin ?? apiOrigin
  const meetingGuideUrl = `${apiOrigin}/feeds/meeting-guide.json`
  // Pages this site has served or Haven has announced: once published, a missing one is 410.
  const known = new Set<string>()

  const securityHeaders = {
    'content-security-policy': `default-src 'self'; img-src 'self' ${mediaOrigin}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  }

  const page = (
    locale: Locale,
    p: string,
    title: string,
    main: Html,
    extra: Partial<Page> & {
      description?: string | null
      fallback?: boolean
      noindex?: boolean
      alternates?: boolean
    } = {},
  ): Page => {
    const { description, fallback, noindex, alternates, ...pageFields } = extra
    const frame = { description, fallback, noindex, alternates }
    return {
      status: 200,
      type: 'text/html; charset=utf-8',
      body: layout(
        { locale, path: p, title, ...frame, publicUrl: options.publicUrl, meetingGuideUrl },
        main,
      ).value,
      ...pageFields,
    }
  }

  const notFound = (locale: Locale, p: string): Page => {
    const t = strings[locale]
    return {
      ...page(locale, p, t.notFound, messagePage(t.notFound, t.notFoundText), {
        alternates: false,
      }),
      status: 404,
      cache: false,
    }
  }
  const gone = (locale: Locale, p: string): Page => {
    const t = strings[locale]
    return {
      ...page(locale, p, t.gone, messagePage(t.gone, t.goneText), { alternates: false }),
      status: 410,
      cache: false,
    }
  }
  const redirect = (to: string): Page => ({
    status: 301,
    type: 'text/plain; charset=utf-8',
    body: `Moved to ${to}`,
    headers: { location: to },
    cache: false,
  })
  // Haven gives upload URLs relative to its own origin unless HAVEN_PUBLIC_URL is set.
  const withMediaOrigin = (article: Article | null): Article | null => {
    const image = article?.heroImage
    if (!article || !image) return article
    const absolute = (url: string | null) => (url ? new URL(url, mediaOrigin).href : url)
    const hero = image.hero ? { ...image.hero, url: absolute(image.hero.url)! } : null
    return { ...article, heroImage: { ...image, url: absolute(image.url), hero } }
  }
  const missing = (locale: Locale, p: string, key: string) =>
    known.has(key) ? gone(locale, p) : notFound(locale, p)

  /** Every page readers can reach without a query, in its English form. */
  async function contentPaths(): Promise<string[]> {
    const [articles, groups, topics] = await Promise.all([
      api.allArticles('en'),
      api.allGroups('en'),
      api.topics('en'),
    ])
    return [
      '/',
      '/groups',
      '/help',
      ...articles.map((a) => articlePath(a.slug)),
      ...flatten(topics).map((t) => topicPath(t.slug)),
      ...groups.map((g) => groupPath(g.slug)),
    ]
  }

  async function sitemap(): Promise<Page> {
    const paths = await contentPaths()
    const url = (locale: Locale, p: string) =>
      escape(`${options.publicUrl}${localePath(locale, p)}`)
    const entries = paths.flatMap((p) =>
      (['en', 'es'] as const).map(
        (locale) =>
          `<url><loc>${url(locale, p)}</loc>` +
          `<xhtml:link rel="alternate" hreflang="en" href="${url('en', p)}"/>` +
          `<xhtml:link rel="alternate" hreflang="es" href="${url('es', p)}"/></url>`,
      ),
    )
    return {
      status: 200,
      type: 'application/xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`,
      tags: ['list:articles', 'list:topics', 'list:support-groups'],
    }
  }

  async function feed(locale: Locale): Promise<Page> {
    const articles = await api.latestArticles(locale, 20)
    const abs = (p: string) => `${options.publicUrl}${localePath(locale, p)}`
    const body = {
      version: 'https://jsonfeed.org/version/1.1',
      title: `${strings[locale].siteName}: ${strings[locale].latest}`,
      home_page_url: abs('/'),
      feed_url: abs('/feed.json'),
      language: locale,
      items: articles.map((a) => ({
        id: abs(articlePath(a.slug)),
        url: abs(articlePath(a.slug)),
        title: a.title,
        summary: a.summary ?? undefined,
        content_text: a.summary ?? a.title,
        date_published: a.publishedAt ?? undefined,
        date_modified: a.updatedAt,
      })),
    }
    return {
      status: 200,
      type: 'application/feed+json; charset=utf-8',
      body: JSON.stringify(body, null, 2),
      tags: ['list:articles'],
    }
  }

  /** Renders one GET page. Pages that depend on nothing but the path are cached by the caller. */
  async function renderGet(pathname: string, query: URLSearchParams): Promise<Page> {
    if (pathname === '/site.css') {
      return { status: 200, type: 'text/css; charset=utf-8', body: CSS, cache: false }
    }
    if (pathname === '/robots.txt') {
      return {
        status: 200,
        type: 'text/plain; charset=utf-8',
        body: `User-agent: *\nDisallow: /preview/\nSitemap: ${options.publicUrl}/sitemap.xml\n`,
        cache: false,
      }
    }
    if (pathname === '/sitemap.xml') return sitemap()
    const { locale, path: p } = splitLocale(pathname)
    const t = strings[locale]
    if (p === '/feed.json') return feed(locale)
    if (p === '/' || p === '') {
      const [articles, topics, crisis] = await Promise.all([
        api.latestArticles(locale, 10),
        api.topics(locale),
        api.crisis(locale),
      ])
      return page(locale, '/', t.home, homePage(locale, { articles, topics, crisis }), {
        tags: ['list:articles', 'list:topics', 'crisis'],
      })
    }
    if (p === '/help') {
      const crisis = await api.crisis(locale)
      return page(locale, p, t.crisisTitle, helpPage(locale, crisis), { tags: ['crisis'] })
    }
    if (p === '/groups') {
      const groups = await api.allGroups(locale)
      return page(locale, p, t.groupDirectory, groupsPage(locale, groups), {
        tags: ['list:support-groups'],
      })
    }
    if (p === '/search') {
      const q = (query.get('q') ?? '').trim()
      if (!q) return { ...page(locale, p, t.search, searchPage(locale, '', null)), cache: false }
      const noStore = { 'cache-control': 'no-store' }
      try {
        const hits = await api.search(q.slice(0, 1000), locale)
        return {
          ...page(locale, p, t.search, searchPage(locale, q, hits)),
          cache: false,
          headers: noStore,
        }
      } catch (error) {
        // Haven decides what it can search for; its reason goes back on the form.
        if (!(error instanceof ApiRefusal)) throw error
        return {
          ...page(locale, p, t.search, searchPage(locale, q, null, error.message)),
          status: STATUS_FOR_CODE[error.code] ?? 400,
          cache: false,
          headers: noStore,
        }
      }
    }
    const preview = p.match(/^\/preview\/(articles|groups)$/)
    if (preview) return previewPage(locale, preview[1] as 'articles' | 'groups', query.get('token'))
    const segments = p.split('/')
    if (segments.length !== 3 && !(segments.length === 4 && segments[3] === 'join')) {
      return notFound(locale, p)
    }
    let slug: string
    try {
      slug = decodeURIComponent(segments[2])
    } catch {
      return notFound(locale, p)
    }
    if (!slug || slug.length > 200) return notFound(locale, p)
    if (segments[1] === 'articles' && segments.length === 3) {
      const article = withMediaOrigin(await api.article(slug, locale))
      if (!article) return missing(locale, p, `articles:${slug}`)
      if (article.slug !== slug) return redirect(localePath(locale, articlePath(article.slug)))
      known.add(`articles:${slug}`)
      const crisis = article.showCrisisResources ? await api.crisis(locale) : null
      const continued = query.get('continue') === '1'
      return page(locale, p, article.title, articlePage(locale, article, { continued, crisis }), {
        description: article.summary,
        fallback: !article.translated,
        tags: [
          `articles:${article.id}`,
          ...article.topics.map((x) => `topics:${x.id}`),
          ...(article.heroImage ? [`media:${article.heroImage.id}`] : []),
          ...(crisis ? ['crisis'] : []),
        ],
      })
    }
    if (segments[1] === 'topics' && segments.length === 3) {
      const topic = await api.topic(slug, locale)
      if (!topic) return missing(locale, p, `topics:${slug}`)
      if (topic.slug !== slug) return redirect(localePath(locale, topicPath(topic.slug)))
      known.add(`topics:${slug}`)
      const [articles, groups] = await Promise.all([
        api.latestArticles(locale, 50, topic.slug),
        api.groupsForTopic(topic.slug, locale),
      ])
      return page(locale, p, topic.name, topicPage(locale, topic, articles, groups), {
        description: topic.description,
        tags: [`topics:${topic.id}`, 'list:topics', 'list:articles', 'list:support-groups'],
      })
    }
    if (segments[1] === 'groups') {
      const group = await api.group(slug, locale)
      if (!group) return missing(locale, p, `groups:${slug}`)
      const canonical = groupPath(group.slug) + (segments.length === 4 ? '/join' : '')
      if (group.slug !== slug) return redirect(localePath(locale, canonical))
      known.add(`groups:${slug}`)
      if (segments.length === 4) {
        if (options.staticExport || !group.openToNewMembers) return notFound(locale, p)
        const form = await api.joinForm(group.id)
        return {
          ...page(locale, p, `${t.joinTitle}: ${group.name}`, joinPage(locale, group, form), {
            alternates: false,
          }),
          cache: false,
          headers: { 'cache-control': 'no-store' },
        }
      }
      return page(
        locale,
        p,
        group.name,
        groupPage(locale, group, { joinable: !options.staticExport }),
        {
          description: group.description,
          tags: [`support-groups:${group.id}`, ...group.topics.map((x) => `topics:${x.id}`)],
          maxAgeMs: GROUP_PAGE_MAX_AGE_MS,
        },
      )
    }
    return notFound(locale, p)
  }

  async function previewPage(
    locale: Locale,
    kind: 'articles' | 'groups',
    token: string | null,
  ): Promise<Page> {
    const t = strings[locale]
    const p = `/preview/${kind}`
    const privateHeaders = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' }
    const options = { noindex: true, alternates: false }
    const refused = (status: number): Page => ({
      ...page(
        locale,
        p,
        t.preview,
        messagePage(
          t.preview,
          'This preview link is invalid or has expired. Open a new preview from the admin.',
        ),
        options,
      ),
      status,
      cache: false,
      headers: privateHeaders,
    })
    if (!token || token.length > 2000) return refused(400)
    try {
      if (kind === 'articles') {
        const article = withMediaOrigin(await api.article('preview', locale, token))
        if (!article) return refused(404)
        return {
          ...page(
            locale,
            p,
            article.title,
            articlePage(locale, article, { continued: true, crisis: null }),
            { ...options, fallback: !article.translated },
          ),
          cache: false,
          headers: privateHeaders,
        }
      }
      const group = await api.group('preview', locale, token)
      if (!group) return refused(404)
      return {
        ...page(locale, p, group.name, groupPage(locale, group, { joinable: false }), options),
        cache: false,
        headers: privateHeaders,
      }
    } catch (error) {
      if (error instanceof ApiRefusal) return refused(403)
      throw error
    }
  }

  async function postJoin(req: http.IncomingMessage, pathname: string): Promise<Page> {
    const { locale, path: p } = splitLocale(pathname)
    const t = strings[locale]
    const slug = decodeURIComponent(p.split('/')[2] ?? '')
    const group = await api.group(slug, locale)
    if (!group) return notFound(locale, p)
    const raw = await readBody(req, MAX_FORM_BYTES)
    const form = new URLSearchParams(raw)
    const values = {
      name: form.get('name') ?? '',
      contact: form.get('contact') ?? '',
      message: form.get('message') ?? '',
      consent: form.get('consent') === 'yes',
    }
    const noStore = { 'cache-control': 'no-store' }
    try {
      const result = await api.requestToJoin(
        {
          group: group.id,
          name: values.name,
          contact: values.contact,
          message: values.message || null,
          consent: values.consent,
          formToken: form.get('formToken') ?? '',
          website: form.get('website') || null,
        },
        req.socket.remoteAddress,
      )
      return {
        ...page(locale, p, t.sent, joinedPage(locale, group, result.message), {
          alternates: false,
        }),
        cache: false,
        headers: noStore,
      }
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error
      // The person's own words go back into their own form, never into a log or a cache.
      const fresh = await api.joinForm(group.id).catch(() => null)
      const token = fresh?.token ?? form.get('formToken') ?? ''
      const main = joinPage(
        locale,
        group,
        { token, honeypotField: fresh?.honeypotField ?? 'website' },
        { values, error: error.message },
      )
      return {
        ...page(locale, p, `${t.joinTitle}: ${group.name}`, main, { alternates: false }),
        status: STATUS_FOR_CODE[error.code] ?? 400,
        cache: false,
        headers: noStore,
      }
    }
  }

  function applyChanges(type: string, changes: Change[]): string[] {
    if (type === 'build.requested') {
      const dropped = cache.size
      cache.clear()
      return [`${dropped} pages`]
    }
    const tags = new Set<string>()
    for (const change of changes) {
      const touched = tagsFor(change)
      if (touched === 'all') {
        cache.clear()
        return ['all pages']
      }
      touched.forEach((tag) => tags.add(tag))
      if (change.slug && (change.operation === 'unpublish' || change.operation === 'delete')) {
        const kind = change.collection === 'support-groups' ? 'groups' : change.collection
        known.add(`${kind}:${change.slug}`)
      }
    }
    if (tags.size > 0) {
      // Anything that lists pages of any kind (sitemap, feed) carries a list tag already.
      return cache.invalidate([...tags])
    }
    return []
  }

  /** The page at a path (and the query the page reads), from the cache when it is there. */
  async function get(pathname: string, query: URLSearchParams): Promise<Rendered> {
    const variant = query.get('continue') === '1' ? '?continue=1' : ''
    const key = pathname + variant
    const hit = cache.get(key)
    if (hit) return hit
    const rendered = await renderGet(pathname, query)
    const { tags, maxAgeMs, cache: cacheable, ...out } = rendered
    if (rendered.status === 200 && cacheable !== false && tags) cache.set(key, out, tags, maxAgeMs)
    return out
  }

  function send(res: http.ServerResponse, page: Rendered, head = false) {
    res.writeHead(page.status, {
      'content-type': page.type,
      'cache-control': 'no-cache',
      ...securityHeaders,
      ...page.headers,
    })
    res.end(head ? undefined : page.body)
  }

  const plain = (
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ): Rendered => ({
    status,
    type: 'application/json; charset=utf-8',
    body: JSON.stringify(status < 400 ? { message } : { errors: [{ message }] }),
    headers,
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://site.invalid')
    const pathname = url.pathname
    try {
      if (pathname === '/webhooks/haven') {
        if (req.method !== 'POST') return send(res, plain(405, 'Use POST.', { allow: 'POST' }))
        if (!receiver.enabled) {
          return send(res, plain(404, 'The webhook receiver is off: set SITE_WEBHOOK_SECRET.'))
        }
        const body = await readBody(req, MAX_WEBHOOK_BYTES)
        const result = receiver.receive(body, req.headers)
        const id = String(req.headers['webhook-id'] ?? '-').slice(0, 80)
        if (!result.changes) {
          log(`webhook ${id}: ${result.status} ${result.message}`)
          return send(res, plain(result.status, result.message))
        }
        const dropped = applyChanges(result.type ?? '', result.changes)
        log(
          `webhook ${id}: ${result.type}, ${result.changes.length} changes, ${dropped.length} pages refreshed`,
        )
        return send(res, plain(200, `Applied; ${dropped.length} cached pages dropped.`))
      }
      const isJoin = /^(\/es)?\/groups\/[^/]+\/join$/.test(pathname)
      if (req.method === 'POST' && isJoin && !options.staticExport) {
        return send(res, await postJoin(req, pathname))
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, plain(405, 'This page can only be read.', { allow: 'GET, HEAD' }))
      }
      return send(res, await get(pathname, url.searchParams), req.method === 'HEAD')
    } catch (error) {
      if (error instanceof TooLarge) return send(res, plain(413, 'The request body is too large.'))
      if (error instanceof URIError) return send(res, plain(400, 'The address is malformed.'))
      const { locale } = splitLocale(pathname)
      const t = strings[locale]
      if (error instanceof ApiRefusal) {
        // Haven refused what the reader asked for (a search it cannot run, a form it will not
        // issue): its message, with its 4xx, and nothing logged, since the reader's input caused it.
        const refused = page(locale, '/', t.error, messagePage(t.error, error.message), {
          alternates: false,
        })
        const status = STATUS_FOR_CODE[error.code] ?? 400
        return send(res, { ...refused, status, headers: { 'cache-control': 'no-store' } })
      }
      // Only the error: the path may hold a search query and the body a reader's details.
      log(`error: ${(error as Error).message}`)
      const failed = page(locale, '/', t.error, messagePage(t.error, t.errorText), {
        alternates: false,
      })
      return send(res, { ...failed, status: 502, headers: { 'cache-control': 'no-store' } })
    }
  }

  const server = http.createServer((req, res) => void handle(req, res))

  return {
    server,
    cache,
    api,
    get,
    /** Paths of every page, for the static export. */
    async allPaths(): Promise<string[]> {
      const pages = [...(await contentPaths()), '/search']
      return [
        ...pages.flatMap((p) => [p, localePath('es', p)]),
        '/feed.json',
        '/es/feed.json',
        '/sitemap.xml',
        '/robots.txt',
        '/site.css',
      ]
    },
  }
}

export type Site = ReturnType<typeof createSite>
