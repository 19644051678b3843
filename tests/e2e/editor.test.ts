/**
 * The editor's day, in Debian's Chromium against the production build started as `npm start`
 * does: an editor writes an article with a topic and an image, is stopped by the review step,
 * a reviewer approves and publishes it, a local receiver gets the signed webhook, and the public
 * GraphQL API returns the article. Screenshots of each step go to test-results/e2e/ (not
 * committed).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { Webhook } from 'standardwebhooks'

import { startReceiver, type Receiver } from '../helpers/receiver'
import {
  launchChromium,
  restClient,
  screenshots,
  signIn,
  type RestCall,
} from '../helpers/adminBrowser'
import { startServer, type RunningServer } from '../helpers/server'

const shots = path.resolve(import.meta.dirname, '../../test-results/e2e')
const TITLE = 'Walking groups and low mood'
const PASSWORD = 'a-long-test-password-1'

let server: RunningServer
let receiver: Receiver
let browser: Browser
let shot: ReturnType<typeof screenshots>
let api: RestCall
let secret: string
let adminToken: string

const login = (email: string, password: string) => signIn(browser, server.url, email, password)

beforeAll(async () => {
  shot = screenshots(shots)
  receiver = await startReceiver()
  server = await startServer({
    // The receiver runs on loopback, which production refuses unless explicitly allowed.
    HAVEN_WEBHOOK_ALLOW_PRIVATE: 'true',
    HAVEN_WEBHOOK_POLL_MS: '250',
  })
  api = restClient(server.url)
  const { token } = await api<{ token: string }>('/api/users/login', {
    method: 'POST',
    body: JSON.stringify(server.admin),
  })
  adminToken = token
  for (const [role, name] of [
    ['editor', 'Erin Editor'],
    ['reviewer', 'Rowan Reviewer'],
  ]) {
    await api('/api/users', {
      method: 'POST',
      token,
      body: JSON.stringify({
        email: `${role}@example.org`,
        password: PASSWORD,
        roles: [role],
        displayName: name,
      }),
    })
  }
  const endpoint = await api<{ doc: { id: string | number } }>('/api/webhook-endpoints', {
    method: 'POST',
    token,
    body: JSON.stringify({
      name: 'Static site',
      url: receiver.url('/hook'),
      mode: 'signed',
      coalesceSeconds: 0,
      active: true,
    }),
  })
  ;({ secret } = await api<{ secret: string }>(
    `/api/webhook-endpoints/${endpoint.doc.id}/reveal-secret`,
    {
      method: 'POST',
      token,
    },
  ))
  browser = await launchChromium()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await receiver?.close()
}, 60_000)

it('an article goes from editor to reviewer to the public API, firing a signed webhook', async () => {
  const image = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'haven-img-')), 'walk.jpg')
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#7a9' } })
    .jpeg()
    .toFile(image)

  // Editor: write the article with a topic and an image.
  const editor = await login('editor@example.org', PASSWORD)
  await shot(editor, 'editor-dashboard')
  await editor.goto(`${server.url}/admin/collections/articles/create`)
  await editor.fill('#field-title', TITLE)
  await editor.click('[data-lexical-editor="true"]')
  await editor.keyboard.type(
    'Walking together once a week gives the days some shape and some company.',
  )
  await editor.click('#field-topics .rs__control')
  await editor.click('.rs__option:has-text("Peer support")')
  await editor.locator('#field-heroImage').getByRole('button', { name: 'Create New' }).click()
  await editor.locator('input[type=file]').first().setInputFiles(image)
  const drawer = editor.locator('.drawer__content').last()
  await drawer.locator('#field-alt').fill('People walking on a hill path')
  await shot(editor, 'editor-uploads-image')
  await drawer.getByRole('button', { name: 'Save' }).click()
  // Stored under a name of its own (walk-<random>.jpg), so uploads never overwrite each other.
  await editor
    .locator('#field-heroImage')
    .getByText(/^walk-[0-9a-f]+\.jpg$/)
    .waitFor()
  await shot(editor, 'editor-article-written')

  // Publishing without review is refused, with a message the editor can act on.
  await editor.getByRole('button', { name: 'Publish changes' }).click()
  // The refusal arrives as a toast (the same words also stand in the field's description).
  await editor
    .locator('[data-sonner-toast]')
    .filter({ hasText: /Clinical review: Only approved content can be published/ })
    .first()
    .waitFor()
  await shot(editor, 'editor-stopped-by-review')
  const articleUrl = editor.url()
  const id = articleUrl.split('/').pop()
  expect(id).toMatch(/^\d+$/)
  // (The image upload itself is a public media change and may already have been delivered.)
  const articleEvents = () => receiver.to('/hook').filter((r) => r.body.includes('"articles"'))
  expect(articleEvents()).toHaveLength(0)

  // The editor submits it for review instead, with the button at the top of the page.
  await editor.getByRole('button', { name: 'Submit for review' }).click()
  let draft: { title?: string; review?: { status?: string } } = {}
  for (let i = 0; i < 60 && !(draft.title === TITLE && draft.review?.status === 'in-review'); i++) {
    await new Promise((r) => setTimeout(r, 500))
    draft = await api(`/api/articles/${id}?draft=true&depth=0`, { token: adminToken })
  }
  expect(draft.review?.status).toBe('in-review')
  await editor.locator('.haven-review-banner').getByText('Review status: In review').waitFor()
  await shot(editor, 'editor-submits-for-review')

  // Reviewer: approve and publish.
  const reviewer = await login('reviewer@example.org', PASSWORD)
  await reviewer.goto(articleUrl)
  await reviewer.locator('#field-title').waitFor()
  await reviewer.getByRole('button', { name: 'Approve' }).click()
  await reviewer
    .locator('[data-sonner-toast]')
    .filter({ hasText: /Approved/ })
    .first()
    .waitFor()
  await shot(reviewer, 'reviewer-approves')
  await reviewer.getByRole('button', { name: 'Publish changes' }).click()
  await reviewer.getByText(/Status:\s*Published/).waitFor({ timeout: 30_000 })
  await shot(reviewer, 'reviewer-published')

  // The receiver gets one signed event naming the article, verifiable with the spec's algorithm.
  for (let i = 0; i < 120 && articleEvents().length === 0; i++)
    await new Promise((r) => setTimeout(r, 250))
  expect(articleEvents()).toHaveLength(1)
  const [delivery] = articleEvents()
  const event = new Webhook(secret).verify(delivery.body, delivery.headers) as {
    type: string
    data: { items: Array<{ collection: string; id: string; operation: string }> }
  }
  expect(JSON.stringify(event)).toContain('walking-groups-and-low-mood')
  expect(delivery.body).not.toContain('Walking together once a week')

  // The public API returns the article with its topic and image.
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ article(slug: "walking-groups-and-low-mood") { title bodyHtml topics { name } heroImage { alt } } }`,
    }),
  })
  const { data, errors } = (await res.json()) as {
    data: {
      article: {
        title: string
        bodyHtml: string
        topics: { name: string }[]
        heroImage: { alt: string }
      }
    }
    errors?: unknown
  }
  expect(errors).toBeUndefined()
  expect(data.article.title).toBe(TITLE)
  expect(data.article.bodyHtml).toContain('Walking together once a week')
  expect(data.article.topics.map((t) => t.name)).toContain('Peer support')
  expect(data.article.heroImage.alt).toBe('People walking on a hill path')
  await reviewer.goto(`${server.url}/graphql`).catch(() => undefined)
  await shot(reviewer, 'public-api')
}, 300_000)
