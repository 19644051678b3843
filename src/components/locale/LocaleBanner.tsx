'use client'
import { useConfig, useLocale, useRouteTransition } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'

const DEFAULT = 'en'

/**
 * Shown in the admin header: which language a document page edits, and on every page, and, in any language but English, a
 * one-click way back: Payload remembers the last locale chosen, so after one Spanish edit every
 * page would otherwise open in Spanish without saying so.
 */
export const LocaleBanner = () => {
  const locale = useLocale()
  const pathname = usePathname() ?? ''
  const { config } = useConfig()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()
  if (!config.localization || !locale?.code) return null
  const english = locale.code === DEFAULT
  // A document page: /collections/<slug>/<id or create> or /globals/<slug>, not its versions.
  const onDocument = /\/(collections\/[^/]+\/[^/]+|globals\/[^/]+)$/.test(pathname)
  if (english && !onDocument) return null
  const label = typeof locale.label === 'string' ? locale.label : locale.code
  const backToEnglish = () => {
    const params = new URLSearchParams(window.location.search)
    params.set('locale', DEFAULT)
    startRouteTransition(() => router.push(`${window.location.pathname}?${params}`))
  }
  return (
    <div
      className="haven-locale-banner"
      data-locale={locale.code}
      role="status"
      style={{
        display: 'flex',
        gap: '0.75rem',
        alignItems: 'center',
        margin: '0 0 1rem',
        padding: '0.5rem 1rem',
        borderRadius: 4,
        background: english ? 'var(--theme-elevation-50)' : 'var(--theme-warning-100)',
      }}
    >
      <span>
        {english ? (
          <>
            Editing in <strong>English</strong>
          </>
        ) : (
          <>
            Editing the <strong>{label}</strong> version ({locale.code}). Fields left empty show the
            English text to readers.
          </>
        )}
      </span>
      {english ? null : (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={backToEnglish}
        >
          Switch to English
        </button>
      )}
    </div>
  )
}
