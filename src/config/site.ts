/** The reader site's development address (`npm run site`; SITE_PORT defaults to 3001). */
export const DEVELOPMENT_SITE_URL = 'http://localhost:3001'

/**
 * Where the reader site (site/) runs, for the admin's "Preview on site" button (HAVEN_SITE_URL).
 * Unset, the button is not shown rather than pointing staff at an address that may not exist;
 * `npm start` sets the development address when the caller is not in production.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): string | null {
  const configured = env.HAVEN_SITE_URL?.trim()
  return configured ? configured.replace(/\/+$/, '') : null
}
