'use client'
import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { useWebhookAction } from './useWebhookAction'

/**
 * Shows the signing secret exactly once (after creation, or after a rotation); afterwards only
 * a rotation can produce a new one. The secret lives in this component's state, never in the form.
 */
export const SigningSecret = () => {
  const { id } = useDocumentInfo()
  const revealed = useFormFields(([fields]) => Boolean(fields.secretRevealed?.value))
  const { post, busy, error } = useWebhookAction()
  const [secret, setSecret] = useState<string | null>(null)
  const [used, setUsed] = useState(false)

  if (!id) return <p>The signing secret is issued when the endpoint is saved.</p>

  const run = async (action: 'reveal-secret' | 'rotate-secret') => {
    if (
      action === 'rotate-secret' &&
      !window.confirm('Issue a new secret? The old one keeps signing for a day.')
    )
      return
    const answer = await post(`/webhook-endpoints/${id}/${action}`)
    if (typeof answer?.secret === 'string') {
      setSecret(answer.secret)
      setUsed(true)
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <label className="field-label">Signing secret</label>
      {secret ? (
        <>
          <code style={{ display: 'block', wordBreak: 'break-all', padding: '0.5rem' }}>
            {secret}
          </code>
          <p>Copy it now: it will not be shown again.</p>
        </>
      ) : (
        <p>Stored encrypted; it cannot be read back.</p>
      )}
      {!revealed && !used ? (
        <Button buttonStyle="secondary" disabled={busy} onClick={() => run('reveal-secret')}>
          Show secret (once)
        </Button>
      ) : null}
      <Button buttonStyle="secondary" disabled={busy} onClick={() => run('rotate-secret')}>
        Rotate secret
      </Button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  )
}
