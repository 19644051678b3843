'use client'
import { useConfig } from '@payloadcms/ui'
import { useCallback, useState } from 'react'

type Answer = Record<string, unknown> & { error?: string }

/** POSTs to one of the webhook admin routes and tracks busy / error state for a button. */
export function useWebhookAction() {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const post = useCallback(
    async (path: string): Promise<Answer | null> => {
      setBusy(true)
      setError(null)
      try {
        const res = await fetch(`${serverURL}${api}${path}`, {
          method: 'POST',
          credentials: 'include',
        })
        const answer = (await res.json().catch(() => ({}))) as Answer
        if (!res.ok) {
          setError(answer.error ?? `The server answered ${res.status}.`)
          return null
        }
        return answer
      } catch {
        setError('Could not reach the server.')
        return null
      } finally {
        setBusy(false)
      }
    },
    [api, serverURL],
  )
  return { post, busy, error }
}
