'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

// The reader site's preview routes, by collection.
const SITE_PATHS: Record<string, string> = {
  articles: '/preview/articles',
  'support-groups': '/preview/groups',
}

/**
 * "Preview on site": asks Haven for a short-lived signed preview token for this document (the
 * endpoint applies the user's own access) and opens the draft on the reader site with it. The
 * site shows it uncached and marked noindex; the token expires on its own.
 */
export function PreviewOnSite({ siteUrl }: { siteUrl?: string | null }) {
  const { id, collectionSlug } = useDocumentInfo()
  const [busy, setBusy] = useState(false)
  const sitePath = collectionSlug ? SITE_PATHS[collectionSlug] : undefined
  if (!siteUrl || !sitePath || id === undefined || id === null) return null

  const open = async () => {
    setBusy(true)
    // Opened before the request, so the browser does not block it as a pop-up.
    const tab = window.open('about:blank', '_blank')
    try {
      const res = await fetch(`/api/${collectionSlug}/${id}/preview-token`, {
        credentials: 'include',
      })
      const body = (await res.json().catch(() => ({}))) as {
        token?: string
        errors?: { message: string }[]
      }
      if (!res.ok || !body.token) throw new Error(body.errors?.[0]?.message ?? 'No preview token.')
      const url = `${siteUrl}${sitePath}?token=${encodeURIComponent(body.token)}`
      if (tab) tab.location.href = url
      else window.location.assign(url)
    } catch (error) {
      tab?.close()
      toast.error(`Preview failed: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={open}>
      Preview on site
    </Button>
  )
}
