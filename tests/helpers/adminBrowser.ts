/**
 * What the browser tests share: Debian's Chromium with the flags this machine allows, a
 * signed-in admin page, numbered screenshots of each step, and JSON calls to the REST API of
 * the server under test.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })

/** Empties `dir` and returns a function that saves a page as `NN-name.png` there, in order. */
export function screenshots(dir: string): (page: Page, name: string) => Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  let step = 0
  return async (page, name) => {
    step += 1
    await page.screenshot({
      path: path.join(dir, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: false,
    })
  }
}

export type RestCall = <T>(route: string, init?: RequestInit & { token?: string }) => Promise<T>

/** JSON calls to `baseUrl`; a non-2xx answer throws with its route, status and body. */
export function restClient(baseUrl: string): RestCall {
  return async <T>(route: string, init: RequestInit & { token?: string } = {}) => {
    const res = await fetch(`${baseUrl}${route}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
      },
    })
    const body = (await res.json()) as T
    if (!res.ok) throw new Error(`${route} → ${res.status}: ${JSON.stringify(body)}`)
    return body
  }
}

/** A fresh browser context signed in to the admin UI, on the dashboard. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}
