'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'

import { useWebhookAction } from './useWebhookAction'

/** "Send test event" for the endpoint being edited. */
export const EndpointActions = () => {
  const { id } = useDocumentInfo()
  const { post, busy, error } = useWebhookAction()
  if (!id) return null
  const sendTest = async () => {
    if (await post(`/webhook-endpoints/${id}/test`)) {
      toast.success('Test event queued; it appears under Deliveries in a moment.')
    }
  }
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={sendTest}>
        Send test event
      </Button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  )
}
