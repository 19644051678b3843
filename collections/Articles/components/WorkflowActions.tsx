'use client'
import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormModified,
  useFormProcessing,
  useFormSubmitted,
} from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

import {
  availableActions,
  type WorkflowButton,
  type WorkflowDoc,
} from '../../../src/review/availableActions'

type Action = WorkflowButton
type Doc = WorkflowDoc

const DONE_KEY = 'haven-workflow-done'

const LABELS: Record<Action, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  'request-changes': 'Request changes',
  publish: 'Publish',
  unpublish: 'Unpublish',
}

const PROMPTS: Partial<Record<Action, { label: string; send: string; hint: string }>> = {
  'request-changes': {
    label: 'What needs to change?',
    send: 'Send to the author',
    hint: 'The author sees this note on the article and gets an email.',
  },
  unpublish: {
    label: 'Why is it coming down?',
    send: 'Unpublish',
    hint: 'The public stops seeing it at once. The reason goes into the audit log.',
  },
}

/**
 * The review workflow at the top of the article: only the steps this user may take now. Each
 * click is one request to the workflow (or unpublish) endpoint; a refusal leaves the article and
 * the form as they were and shows the server's reason once. After a success the page reloads, so
 * the form, the status and the findings all show the stored article.
 */
export const WorkflowActions = () => {
  const { id, collectionSlug, savedDocumentData, hasPublishedDoc, isInitializing } =
    useDocumentInfo()
  const { user } = useAuth()
  const modified = useFormModified()
  const processing = useFormProcessing()
  const submitted = useFormSubmitted()
  const { submit, setModified } = useForm()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [prompt, setPrompt] = useState<Action | null>(null)
  const [text, setText] = useState('')
  const dialog = useRef<HTMLDialogElement>(null)

  // Whether what is on screen differs from the stored draft. Payload's form marks itself
  // unmodified after every answer to a save, refused ones included: after a refused "Publish
  // changes" the edits were neither published nor saved, yet the form reads as clean (no
  // autosave, no warning on leaving). Edits make it true; only a successful save (which replaces
  // savedDocumentData) makes it false again.
  const unsaved = useRef(false)
  useEffect(() => {
    if (modified) unsaved.current = true
  }, [modified])
  useEffect(() => {
    unsaved.current = false
  }, [savedDocumentData])
  // A refused save: mark the form modified again, so autosave keeps the edits as a draft at the
  // next change and leaving the page asks first.
  useEffect(() => {
    if (submitted && !modified && !processing && unsaved.current) setModified(true)
  }, [submitted, modified, processing, setModified])

  // The confirmation of the step that reloaded the page, once the document view is ready (a
  // toast raised while it initialises is lost).
  useEffect(() => {
    if (isInitializing) return
    const done = window.sessionStorage.getItem(DONE_KEY)
    if (!done) return
    window.sessionStorage.removeItem(DONE_KEY)
    setTimeout(() => toast.success(done), 250)
  }, [isInitializing])
  useEffect(() => {
    if (prompt) dialog.current?.showModal()
    else dialog.current?.close()
  }, [prompt])

  if (collectionSlug !== 'articles' || !id) return null
  const actions = availableActions(
    (savedDocumentData ?? {}) as Doc,
    user as { id: unknown; roles?: string[] } | null,
    hasPublishedDoc,
  )
  if (actions.length === 0) return null

  const run = async (action: Action, note?: string) => {
    setBusy(true)
    try {
      // Unsaved edits go into the draft first, so the step applies to what is on screen.
      if (modified || unsaved.current) {
        const saved = await submit({
          action: `${serverURL}${api}/articles/${id}?draft=true`,
          method: 'PATCH',
          overrides: { _status: 'draft' },
          skipValidation: true,
          disableSuccessStatus: true,
        })
        if (saved && saved.res && !saved.res.ok) return
      }
      const path = action === 'unpublish' ? `/articles/${id}/unpublish` : `/articles/${id}/workflow`
      const res = await fetch(`${serverURL}${api}${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action === 'unpublish' ? { reason: note } : { action, note }),
      })
      const answer = (await res.json().catch(() => ({}))) as {
        error?: string
        message?: string
        errors?: Array<{ message?: string }>
      }
      if (!res.ok) {
        toast.error(
          answer.error ??
            answer.errors?.[0]?.message ??
            (res.status === 404 && action === 'unpublish'
              ? 'Unpublishing is not available on this server yet.'
              : `The server refused (${res.status}).`),
        )
        return
      }
      setPrompt(null)
      window.sessionStorage.setItem(DONE_KEY, answer.message ?? `${LABELS[action]}: done.`)
      window.location.reload()
    } catch {
      toast.error('Could not reach the server. Nothing was changed.')
    } finally {
      setBusy(false)
    }
  }

  const waiting = processing
  const current = prompt ? PROMPTS[prompt] : undefined
  return (
    <div
      className="haven-workflow"
      style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}
    >
      {waiting ? (
        <span style={{ fontSize: '0.85em' }}>Saving your changes…</span>
      ) : modified ? (
        <span style={{ fontSize: '0.85em' }}>Unsaved changes: each step saves them first.</span>
      ) : null}
      {actions.map((action) => (
        <Button
          key={action}
          buttonStyle={action === 'approve' || action === 'submit' ? 'primary' : 'secondary'}
          size="medium"
          margin={false}
          disabled={busy || waiting}
          onClick={() => (PROMPTS[action] ? (setText(''), setPrompt(action)) : run(action))}
        >
          {LABELS[action]}
        </Button>
      ))}
      <dialog
        ref={dialog}
        aria-label={current?.label}
        onClose={() => setPrompt(null)}
        style={{
          padding: '1.25rem',
          minWidth: 420,
          border: '1px solid var(--theme-elevation-150)',
        }}
      >
        {/* A div, not a form: this sits inside Payload's document form, and a nested form's
            submit button would submit the article. */}
        {current ? (
          <div className="haven-workflow__prompt">
            <label htmlFor="haven-workflow-note" style={{ display: 'block', fontWeight: 600 }}>
              {current.label}
            </label>
            <textarea
              id="haven-workflow-note"
              rows={5}
              required
              value={text}
              onChange={(e) => setText(e.target.value)}
              style={{ width: '100%', margin: '0.5rem 0' }}
            />
            <p style={{ margin: '0 0 0.75rem', fontSize: '0.85em' }}>{current.hint}</p>
            <div style={{ display: 'flex', gap: '0.5rem' }}>
              <Button
                size="medium"
                margin={false}
                disabled={busy || !text.trim()}
                onClick={() => void run(prompt!, text.trim())}
              >
                {current.send}
              </Button>
              <Button
                buttonStyle="secondary"
                size="medium"
                margin={false}
                onClick={() => setPrompt(null)}
              >
                Cancel
              </Button>
            </div>
          </div>
        ) : null}
      </dialog>
    </div>
  )
}
