import type { Locale } from '../api'
import { html, type Html } from './html'
import { localePath, strings } from './i18n'

export type LayoutOptions = {
  locale: Locale
  /** The page's path without the locale prefix, e.g. /articles/coping. */
  path: string
  title: string
  description?: string | null
  /** False when the page exists in one locale only (a preview, a search). */
  alternates?: boolean
  noindex?: boolean
  /** Shown above the content when the API served parts of the page in English. */
  fallback?: boolean
  publicUrl: string
  meetingGuideUrl: string
}

/**
 * Every page's frame. Crisis help is the first thing in the header, in the same place on every
 * page (WCAG 2.2 "consistent help"); no script, no third-party asset.
 */
export function layout(o: LayoutOptions, main: Html): Html {
  const t = strings[o.locale]
  const other: Locale = o.locale === 'en' ? 'es' : 'en'
  const abs = (locale: Locale) => `${o.publicUrl}${localePath(locale, o.path)}`
  return html`<!doctype html>
    <html lang="${o.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} · ${t.siteName}</title>
        ${o.description ? html`<meta name="description" content="${o.description}" />` : ''}
        ${o.noindex ? html`<meta name="robots" content="noindex, nofollow" />` : ''}
        <link rel="stylesheet" href="/site.css" />
        ${
          o.alternates !== false
            ? html`<link rel="canonical" href="${abs(o.locale)}" />
                <link rel="alternate" hreflang="en" href="${abs('en')}" />
                <link rel="alternate" hreflang="es" href="${abs('es')}" />
                <link rel="alternate" hreflang="x-default" href="${abs('en')}" />`
            : ''
        }
        <link
          rel="alternate"
          type="application/feed+json"
          title="${t.feed}"
          href="${localePath(o.locale, '/feed.json')}"
        />
        <link
          rel="alternate"
          type="application/json"
          title="${t.meetingGuide}"
          href="${o.meetingGuideUrl}"
        />
      </head>
      <body>
        <a class="skip" href="#main">${t.skip}</a>
        <header class="site-header">
          <p class="crisis-link"><a href="${localePath(o.locale, '/help')}">${t.crisis}</a></p>
          <p class="brand">
            <a href="${localePath(o.locale, '/')}">${t.siteName}</a> <span>${t.tagline}</span>
          </p>
          <nav aria-label="${t.nav}">
            <ul>
              <li><a href="${localePath(o.locale, '/')}">${t.home}</a></li>
              <li><a href="${localePath(o.locale, '/groups')}">${t.groups}</a></li>
              <li><a href="${localePath(o.locale, '/search')}">${t.search}</a></li>
              ${
                o.alternates !== false
                  ? html`<li>
                      <a href="${localePath(other, o.path)}" hreflang="${other}" lang="${other}"
                        >${t.otherLanguage}</a
                      >
                    </li>`
                  : ''
              }
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          ${o.noindex ? html`<p class="notice">${t.preview}</p>` : ''}
          ${o.fallback ? html`<p class="notice" role="note">${t.fallback}</p>` : ''} ${main}
        </main>
        <footer class="site-footer">
          <p>
            <a href="${localePath(o.locale, '/feed.json')}">${t.feed}</a> ·
            <a href="${o.meetingGuideUrl}">${t.meetingGuide}</a>
          </p>
        </footer>
      </body>
    </html> `
}
