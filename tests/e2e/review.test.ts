/**
 * The review round with the workflow buttons, in Debian's Chromium against the production build
 * started as `npm start` does: the editor submits, the reviewer finds the article in the
 * dashboard queue and requests changes with a note, the editor reads the note, fixes the text and
 * resubmits, the reviewer approves and publishes, and the list and the public API agree. Then an
 * editor working in Spanish gets back to English with one click. Screenshots of each step go to
 * test-results/e2e-review/ (not committed).
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'

import { toLexical } from '../../src/lib/lexical'
import {
  launchChromium,
  restClient,
  screenshots,
  signIn,
  type RestCall,
} from '../helpers/adminBrowser'
import { startServer, type RunningServer } from '../helpers/server'

const shots = path.resolve(import.meta.dirname, '../../test-results/e2e-review')
const TITLE = 'Sleep and low mood'
const SLUG = 'sleep-and-low-mood'
const NOTE = 'Please add a line on when to see a GP about sleep and low mood.'
const PASSWORD = 'a-long-test-password-2'

let server: RunningServer
let browser: Browser
let shot: ReturnType<typeof screenshots>
let api: RestCall
let articleId: string | number

const login = (email: string) => signIn(browser, server.url, email, PASSWORD)

const toast = (page: Page, text: RegExp) =>
  page.locator('[data-sonner-toast]').filter({ hasText: text }).first().waitFor()

async function until(check: () => Promise<boolean>, ms = 30_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250)))
    if (await check()) return
  throw new Error('timed out waiting for the page')
}

const banner = (page: Page) => page.locator('.haven-review-banner')

async function reviewStatus(token: string) {
  const doc = await api<{ review?: { status?: string; note?: string } }>(
    `/api/articles/${articleId}?draft=true&depth=0`,
    { token },
  )
  return doc.review
}

let adminToken: string

beforeAll(async () => {
  shot = screenshots(shots)
  server = await startServer()
  api = restClient(server.url)
  ;({ token: adminToken } = await api<{ token: string }>('/api/users/login', {
    method: 'POST',
    body: JSON.stringify(server.admin),
  }))
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
  // The editor's draft, written through the API as the editor (the editing UI has its own test).
  const { token: editorToken } = await api<{ token: string }>('/api/users/login', {
    method: 'POST',
    body: JSON.stringify({ email: 'editor@example.org', password: PASSWORD }),
  })
  const created = await api<{ doc: { id: string | number } }>('/api/articles?draft=true', {
    method: 'POST',
    token: editorToken,
    body: JSON.stringify({
      title: TITLE,
      body: toLexical([
        {
          type: 'paragraph',
          text: 'Sleep and low mood feed each other: poor sleep lowers mood, and low mood disturbs sleep.',
        },
      ]),
    }),
  })
  articleId = created.doc.id
  browser = await launchChromium()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

it('submit → request changes with a note → fix and resubmit → approve → publish, by buttons', async () => {
  const articleUrl = `${server.url}/admin/collections/articles/${articleId}`

  // Editor: the button, not a dropdown, sends it for review.
  const editor = await login('editor@example.org')
  await editor.goto(articleUrl)
  await banner(editor).getByText('Review status: Draft').waitFor()
  expect(await editor.getByRole('button', { name: 'Approve' }).count()).toBe(0)
  await shot(editor, 'editor-draft-with-buttons')
  await editor.getByRole('button', { name: 'Submit for review' }).click()
  await toast(editor, /Submitted for review/)
  await banner(editor).getByText('Review status: In review').waitFor()
  expect((await reviewStatus(adminToken))?.status).toBe('in-review')
  await shot(editor, 'editor-submitted')

  // Reviewer: finds it waiting on the dashboard and sends it back with a note.
  const reviewer = await login('reviewer@example.org')
  const queue = reviewer.locator('#waiting-for-review')
  await queue.getByRole('link', { name: TITLE }).waitFor()
  await shot(reviewer, 'reviewer-queue')
  await queue.getByRole('link', { name: TITLE }).click()
  await reviewer.getByRole('button', { name: 'Request changes' }).click()
  await reviewer.locator('#haven-workflow-note').fill(NOTE)
  await shot(reviewer, 'reviewer-writes-note')
  await reviewer.getByRole('button', { name: 'Send to the author' }).click()
  await toast(reviewer, /Changes requested/)
  expect(await reviewStatus(adminToken)).toMatchObject({ status: 'changes-requested', note: NOTE })
  await shot(reviewer, 'reviewer-requested-changes')

  // Editor: the dashboard says it came back; the article shows the note.
  await editor.goto(`${server.url}/admin`)
  const sentBack = editor.locator('#changes-requested')
  await sentBack.getByRole('link', { name: TITLE }).click()
  await editor.locator('.haven-review-note').getByText(NOTE).waitFor()
  await shot(editor, 'editor-reads-note')

  // The editor fixes the text; autosave stores it, then the editor resubmits.
  await editor.click('[data-lexical-editor="true"]')
  await editor.keyboard.press('Control+End')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('See a GP if poor sleep and low mood last more than two weeks.')
  const submit = editor.getByRole('button', { name: 'Submit for review' })
  await until(async () =>
    JSON.stringify(
      await api(`/api/articles/${articleId}?draft=true&depth=0`, { token: adminToken }),
    ).includes('See a GP if poor sleep'),
  )
  await until(() => submit.isEnabled())
  await shot(editor, 'editor-fixed-text')
  await submit.click()
  await toast(editor, /Submitted for review/)
  expect((await reviewStatus(adminToken))?.status).toBe('in-review')

  // Reviewer: approves, then publishes.
  await reviewer.goto(articleUrl)
  await reviewer.getByRole('button', { name: 'Approve' }).click()
  await toast(reviewer, /Approved/)
  await banner(reviewer).getByText('Review status: Approved').waitFor()
  await shot(reviewer, 'reviewer-approved')
  await reviewer.getByRole('button', { name: 'Publish', exact: true }).click()
  await toast(reviewer, /Published/)
  await banner(reviewer).getByText('Review status: Published').waitFor()
  await shot(reviewer, 'reviewer-published')

  // The list says so in words, and the public API serves the fixed text.
  await reviewer.goto(`${server.url}/admin/collections/articles`)
  const row = reviewer.locator('tr').filter({ hasText: TITLE })
  await row.locator('[data-workflow-status="Published"]').waitFor()
  await shot(reviewer, 'list-status-published')
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ article(slug: "${SLUG}") { title bodyHtml } }` }),
  })
  const { data } = (await res.json()) as { data: { article: { title: string; bodyHtml: string } } }
  expect(data.article.title).toBe(TITLE)
  expect(data.article.bodyHtml).toContain('See a GP if poor sleep')
}, 300_000)

it('an editor working in Spanish sees it everywhere and gets back to English in one click', async () => {
  const editor = await login('editor@example.org')
  // The list in Spanish: the untranslated article shows its English title, marked.
  await editor.goto(`${server.url}/admin/collections/articles?locale=es`)
  const row = editor.locator('tr').filter({ hasText: TITLE })
  await row.locator('.haven-fallback').getByText('(English)').waitFor()
  expect(await editor.getByText('<No Title>').count()).toBe(0)
  await editor.locator('.haven-locale-banner[data-locale="es"]').waitFor()
  await shot(editor, 'spanish-list-falls-back')

  // Payload remembers the locale: the next page opens in Spanish, and says so.
  await editor.goto(`${server.url}/admin/collections/articles/${articleId}`)
  const spanish = editor.locator('.haven-locale-banner[data-locale="es"]')
  await spanish.waitFor()
  await shot(editor, 'spanish-document')
  await spanish.getByRole('button', { name: 'Switch to English' }).click()
  await editor.locator('.haven-locale-banner[data-locale="en"]').waitFor()
  expect(new URL(editor.url()).searchParams.get('locale')).toBe('en')
  await shot(editor, 'back-in-english')

  // … and it stays English on the next page opened without a locale in the address.
  await editor.goto(`${server.url}/admin/collections/articles`)
  await editor.locator('tr').filter({ hasText: TITLE }).waitFor()
  expect(await editor.locator('.haven-locale-banner[data-locale="es"]').count()).toBe(0)
  expect(await editor.locator('.haven-fallback').count()).toBe(0)
}, 180_000)

// The stale-save rule (collections/Articles: refuseStaleSave) seen from the admin.
// The rule itself is covered on every database by tests/int/reviewSideDoors.test.ts.
it('a stale tab that saves gets the conflict message and overwrites nothing', async () => {
  const editor = await login('editor@example.org')
  const url = `${server.url}/admin/collections/articles/${articleId}`
  const fresh = editor
  const stale = await editor.context().newPage()
  await fresh.goto(url)
  await stale.goto(url)
  await stale.locator('#field-title').waitFor()

  await fresh.fill('#field-summary', 'Written in the fresh tab.')
  await until(async () =>
    JSON.stringify(
      await api(`/api/articles/${articleId}?draft=true&depth=0`, { token: adminToken }),
    ).includes('Written in the fresh tab.'),
  )
  await shot(fresh, 'conflict-fresh-tab-saved')

  await stale.fill('#field-summary', 'Written in the stale tab.')
  await stale
    .locator('[data-sonner-toast]')
    .filter({ hasText: /someone else changed this; reload to see their changes/i })
    .first()
    .waitFor({ timeout: 30_000 })
  await shot(stale, 'conflict-stale-tab-refused')
  const doc = await api<{ summary?: string }>(`/api/articles/${articleId}?draft=true&depth=0`, {
    token: adminToken,
  })
  expect(doc.summary).toBe('Written in the fresh tab.')
}, 180_000)
