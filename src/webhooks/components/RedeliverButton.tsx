'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'

import { useWebhookAction } from './useWebhookAction'

/** "Redeliver": sends this delivery's message again, with the same webhook-id. */
export const RedeliverButton = () => {
  const { id } = useDocumentInfo()
  const { post, busy, error } = useWebhookAction()
  if (!id) return null
  const redeliver = async () => {
    if (await post(`/webhook-deliveries/${id}/redeliver`)) {
      toast.success('Redelivery queued; it appears as a new delivery in a moment.')
    }
  }
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={redeliver}>
        Redeliver
      </Button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  )
}
