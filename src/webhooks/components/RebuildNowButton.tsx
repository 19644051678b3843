'use client'
import { Button, toast } from '@payloadcms/ui'

import { useWebhookAction } from './useWebhookAction'

/** "Rebuild now": fires every active build hook, whatever changed. */
export const RebuildNowButton = () => {
  const { post, busy, error } = useWebhookAction()
  const rebuild = async () => {
    const answer = await post('/webhook-endpoints/rebuild')
    if (answer) toast.success(`Rebuild requested from ${answer.queued} build hook(s).`)
  }
  return (
    <div style={{ margin: '0 0 1rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={rebuild}>
        Rebuild now
      </Button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  )
}
