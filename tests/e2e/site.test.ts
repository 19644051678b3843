/**
 * The reader site in Debian's Chromium against the production build started as `npm start`
 * does, with the site started as `npm run site` does and registered as a signed webhook endpoint
 * (window 0): an editor's new summary goes through review and publish, and the site's page shows
 * it (lag measured by polling the page); unpublish answers 410. Every page template passes axe
 * with no serious or critical violation, English and Spanish, desktop and 390 px wide; a keyboard
 * reaches crisis help and sends the join form. No request the browser makes leaves this machine.
 * Screenshots go to test-results/e2e-site/ (not committed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { launchChromium, restClient, screenshots, type RestCall } from '../helpers/adminBrowser'
import { freePort, startServer, type RunningServer } from '../helpers/server'

const root = path.resolve(import.meta.dirname, '../..')
const shots = path.resolve(root, 'test-results/e2e-site')
const PASSWORD = 'a-long-test-password-3'
const PUBLISHES = 10

let server: RunningServer
let api: RestCall
let adminToken: string
let editorToken: string
let reviewerToken: string
let site: ChildProcess | undefined
let siteExited: Promise<unknown>
let siteUrl: string
let siteLog = ''
let browser: Browser
let context: BrowserContext
let page: Page
let shot: ReturnType<typeof screenshots>
const requested: string[] = []

type Card = { id: string; slug: string; title: string }
let article: Card
let group: Card
let topicSlug: string

async function graphql<T>(query: string): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  const body = (await res.json()) as { data: T; errors?: unknown }
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body.data
}

const login = async (email: string, password = PASSWORD) =>
  (
    await api<{ token: string }>('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    })
  ).token

async function startSite(port: number, secret: string): Promise<void> {
  const { NODE_ENV: _ignored, ...parentEnv } = process.env
  site = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', path.join(root, 'site/server.ts')],
    {
      cwd: root,
      env: {
        ...parentEnv,
        NODE_OPTIONS: '',
        SITE_PORT: String(port),
        SITE_HOST: '127.0.0.1',
        SITE_PUBLIC_URL: `http://127.0.0.1:${port}`,
        HAVEN_API_URL: `${server.url}/graphql`,
        SITE_WEBHOOK_SECRET: secret,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  site.stdout!.on('data', (d) => (siteLog += d))
  site.stderr!.on('data', (d) => (siteLog += d))
  siteExited = new Promise((resolve) => site!.on('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (siteLog.includes('Webhook receiver')) {
        clearInterval(timer)
        resolve()
      }
    }, 100)
    void siteExited.then((code) => {
      clearInterval(timer)
      reject(new Error(`The site exited (${code}) before it was ready:\n${siteLog}`))
    })
  })
}

beforeAll(async () => {
  shot = screenshots(shots)
  server = await startServer({
    HAVEN_WEBHOOK_ALLOW_PRIVATE: 'true',
    HAVEN_JOIN_MIN_FILL_SECONDS: '0',
  })
  api = restClient(server.url)
  adminToken = await login(server.admin.email, server.admin.password)
  for (const [role, name] of [
    ['editor', 'Erin Editor'],
    ['reviewer', 'Rowan Reviewer'],
  ]) {
    await api('/api/users', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({
        email: `${role}@example.org`,
        password: PASSWORD,
        roles: [role],
        displayName: name,
      }),
    })
  }
  editorToken = await login('editor@example.org')
  reviewerToken = await login('reviewer@example.org')

  const sitePort = await freePort()
  siteUrl = `http://127.0.0.1:${sitePort}`
  // Registered as docs/site.md tells an operator to: signed, every change, no coalescing window.
  const endpoint = await api<{ doc: { id: number | string } }>('/api/webhook-endpoints', {
    method: 'POST',
    token: adminToken,
    body: JSON.stringify({
      name: 'Reader site',
      url: `${siteUrl}/webhooks/haven`,
      mode: 'signed',
      coalesceSeconds: 0,
    }),
  })
  const { secret } = await api<{ secret: string }>(
    `/api/webhook-endpoints/${endpoint.doc.id}/reveal-secret`,
    { method: 'POST', token: adminToken },
  )
  await startSite(sitePort, secret)

  const data = await graphql<{
    articles: { nodes: (Card & { contentWarnings: string[] })[] }
    supportGroups: { nodes: (Card & { name: string; openToNewMembers: boolean })[] }
    topics: { slug: string }[]
  }>(`
    {
      articles(first: 50) {
        nodes {
          id
          slug
          title
          contentWarnings
        }
      }
      supportGroups(first: 50) {
        nodes {
          id
          slug
          name
          openToNewMembers
        }
      }
      topics {
        slug
      }
    }
  `)
  article =
    data.articles.nodes.find((a) => a.contentWarnings.length === 0) ?? data.articles.nodes[0]
  const open = data.supportGroups.nodes.find((g) => g.openToNewMembers)
  if (!open) throw new Error('The demo content has no group open to new members.')
  group = { ...open, title: open.name }
  topicSlug = data.topics[0].slug

  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  context.on('request', (request) => requested.push(request.url()))
  page = await context.newPage()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  if (site && site.exitCode === null && site.signalCode === null) {
    site.kill('SIGTERM')
    await siteExited
  }
  await server?.stop()
}, 60_000)

const summaryOf = async (url: string) => {
  const res = await page.goto(url)
  return { status: res?.status(), summary: await page.locator('p.summary').textContent() }
}

async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000) {
  for (const end = Date.now() + ms; ;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > end) throw new Error(`timed out; last seen ${JSON.stringify(value)}`)
  }
}

const workflow = (token: string, action: string) =>
  api<{ message: string }>(`/api/articles/${article.id}/workflow`, {
    method: 'POST',
    token,
    body: JSON.stringify({ action }),
  })

const reviewStatus = async () =>
  (
    await api<{ review?: { status?: string } }>(`/api/articles/${article.id}?draft=true&depth=0`, {
      token: editorToken,
    })
  ).review?.status

it('an edited summary goes through review and publish, and the site shows it; unpublish → 410', async () => {
  const url = `${siteUrl}/articles/${article.slug}`
  const first = await summaryOf(url)
  expect(first.status).toBe(200)
  expect(first.summary?.trim()).toBeTruthy()
  await shot(page, 'article-before')

  const lags: number[] = []
  for (let round = 1; round <= PUBLISHES; round += 1) {
    const summary = `Round ${round}: what helps with low mood, checked by a reviewer.`
    await api(`/api/articles/${article.id}?draft=true`, {
      method: 'PATCH',
      token: editorToken,
      body: JSON.stringify({ summary }),
    })
    // A live, approved article goes back to review by itself when edited; otherwise submit it.
    if ((await reviewStatus()) !== 'in-review') await workflow(editorToken, 'submit')
    expect(await reviewStatus()).toBe('in-review')
    await workflow(reviewerToken, 'approve')
    // The page was cached with the old summary before the publish (the poll below reads it).
    expect((await summaryOf(url)).summary).not.toContain(summary)
    await workflow(reviewerToken, 'publish')
    const published = Date.now()
    const seen = await pollUntil(
      () => summaryOf(url),
      (s) => s.summary?.includes(summary) ?? false,
    )
    lags.push(Date.now() - published)
    expect(seen.status).toBe(200)
    // Once fresh, it stays fresh: no reader gets the old page back after the lag.
    expect((await summaryOf(url)).summary).toContain(summary)
  }
  await shot(page, 'article-fresh-summary')
  const sorted = [...lags].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  process.stdout.write(
    `site lag publish → fresh page over ${lags.length} publishes (ms): p50 ${at(0.5)}, ` +
      `p95 ${at(0.95)}, max ${sorted.at(-1)} [${lags.join(', ')}]\n`,
  )
  expect(siteLog).toMatch(/webhook/i)

  await api(`/api/articles/${article.id}/unpublish`, {
    method: 'POST',
    token: reviewerToken,
    body: JSON.stringify({ reason: 'Checking the site takes it down' }),
  })
  const gone = await pollUntil(
    async () => (await page.goto(url))?.status(),
    (status) => status === 410,
  )
  expect(gone).toBe(410)
  await shot(page, 'article-gone')
}, 300_000)

it('a group an admin publishes appears in the directory', async () => {
  const name = 'Thursday lunchtime walk and talk'
  const directory = `${siteUrl}/groups`
  await page.goto(directory)
  expect(await page.getByRole('link', { name }).count()).toBe(0)
  const created = await api<{ doc: { slug: string } }>('/api/support-groups', {
    method: 'POST',
    token: adminToken,
    body: JSON.stringify({
      name,
      description: 'A gentle walk in the park with time to talk. Meet at the main gate.',
      facilitation: 'peer-led',
      format: 'in-person',
      schedule: {
        timezone: 'Europe/London',
        weekly: [{ weekdays: ['thursday'], startTime: '12:30', endTime: '13:30' }],
      },
      languages: ['en'],
      openToNewMembers: true,
      area: { city: 'Leeds', country: 'GB' },
      _status: 'published',
    }),
  })
  const started = Date.now()
  await pollUntil(
    async () => {
      await page.goto(directory)
      return page.getByRole('link', { name }).count()
    },
    (links) => links === 1,
  )
  process.stdout.write(`site lag group publish → directory (ms): ${Date.now() - started}\n`)
  expect(await page.getByRole('link', { name }).getAttribute('href')).toBe(
    `/groups/${created.doc.slug}`,
  )
  await shot(page, 'directory-new-group')
}, 60_000)

describe('accessibility', () => {
  const templates = () => [
    ['home', '/'],
    ['article', `/articles/${otherArticle}`],
    ['topic', `/topics/${topicSlug}`],
    ['groups directory', '/groups'],
    ['group', `/groups/${group.slug}`],
    ['join form', `/groups/${group.slug}/join`],
    ['search', '/search?q=sleep'],
    ['crisis help', '/help'],
    ['404', '/no/such/page'],
    ['Spanish home', '/es'],
    ['Spanish article', `/es/articles/${otherArticle}`],
  ]
  let otherArticle: string

  beforeAll(async () => {
    const { articles } = await graphql<{ articles: { nodes: Card[] } }>(
      '{ articles(first: 5) { nodes { id slug title } } }',
    )
    otherArticle = articles.nodes[0].slug
  })

  for (const width of [1280, 390]) {
    it(`every page template at ${width} px: no serious or critical axe violation`, async () => {
      await page.setViewportSize({ width, height: 900 })
      const found: string[] = []
      const minor = new Set<string>()
      for (const [name, route] of templates()) {
        await page.goto(`${siteUrl}${route}`)
        const { violations, passes } = await new AxeBuilder({ page }).analyze()
        // axe ran its rules on a real page, not on an error or an empty document.
        expect(passes.length).toBeGreaterThan(10)
        for (const v of violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') {
            minor.add(`${v.id} (${v.impact})`)
          } else {
            const where = v.nodes.map((n) => n.target.join(' ')).join(' | ')
            found.push(`${name} (${route}): ${v.id} [${v.impact}] ${v.help} at ${where}`)
          }
        }
        if (width === 390) await shot(page, `narrow-${name.replace(/\W+/g, '-')}`)
      }
      if (minor.size) process.stdout.write(`axe at ${width} px, below serious: ${[...minor]}\n`)
      expect(found).toEqual([])
    }, 180_000)
  }
})

describe('keyboard only', () => {
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return {
        tag: el?.tagName,
        id: el?.id,
        text: el?.textContent?.trim(),
        href: el?.getAttribute('href'),
      }
    })

  it('Tab from the top of a page reaches the crisis help link first after the skip link', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    for (const route of ['/', `/groups/${group.slug}`, '/es']) {
      await page.goto(`${siteUrl}${route}`)
      const stops = []
      for (let i = 0; i < 2; i += 1) {
        await page.keyboard.press('Tab')
        stops.push(await focused())
      }
      expect(stops[0].href).toBe('#main')
      expect(stops[1].href).toMatch(/^(\/es)?\/help$/)
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/help$/)
      expect(await page.locator('h1').count()).toBe(1)
    }
  }, 60_000)

  it('the join form is filled and sent with the keyboard and reaches the confirmation', async () => {
    await page.goto(`${siteUrl}/groups/${group.slug}/join`)
    // From the page top, Tab until the first field; then the form's own tab order.
    for (let i = 0; i < 40 && (await focused()).id !== 'name'; i += 1) {
      await page.keyboard.press('Tab')
    }
    expect((await focused()).id).toBe('name')
    await page.keyboard.type('Sam Reader')
    await page.keyboard.press('Tab')
    expect((await focused()).id).toBe('contact')
    await page.keyboard.type('sam.reader@example.org')
    await page.keyboard.press('Tab')
    expect((await focused()).id).toBe('message')
    await page.keyboard.type('I would like to come to the next meeting.')
    // The honeypot is out of the tab order, so the next stop is the consent box.
    await page.keyboard.press('Tab')
    expect((await focused()).id).toBe('consent')
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    expect((await focused()).tag).toBe('BUTTON')
    await shot(page, 'join-form-by-keyboard')
    await Promise.all([page.waitForURL(/\/join$/), page.keyboard.press('Enter')])
    await page.locator('p[role="status"]').waitFor()
    expect(await page.locator('[role="alert"]').count()).toBe(0)
    await shot(page, 'join-confirmation')
  }, 60_000)
})

it('no request from the site’s pages left this machine', () => {
  expect(requested.length).toBeGreaterThan(20)
  const elsewhere = requested.filter(
    (url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname),
  )
  expect(elsewhere).toEqual([])
})
