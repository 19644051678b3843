'use client'
import { useDocumentInfo } from '@payloadcms/ui'

import { statusLabel } from '../../../src/review/statusLabel'

type Saved = { _status?: string; review?: { status?: string; note?: string | null } }

/**
 * At the top of the article: where it stands in review and, when a reviewer asked for changes,
 * their note, where the author cannot miss it. Reads the saved article, so it changes with each
 * save and workflow step.
 */
export const ReviewBanner = () => {
  const { id, savedDocumentData, hasPublishedDoc } = useDocumentInfo()
  if (!id) return null
  const saved = (savedDocumentData ?? {}) as Saved
  const status = saved.review?.status ?? 'draft'
  const label = statusLabel({
    reviewStatus: status,
    latestStatus: saved._status,
    live: hasPublishedDoc,
  })
  const note = saved.review?.note?.trim()
  const asking = status === 'changes-requested'
  return (
    <div
      className="haven-review-banner"
      role="status"
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        borderRadius: 4,
        border: `1px solid ${asking ? 'var(--theme-warning-500)' : 'var(--theme-elevation-150)'}`,
        background: asking ? 'var(--theme-warning-50)' : undefined,
      }}
    >
      <strong>Review status: {label}</strong>
      {asking && note ? (
        <p className="haven-review-note" style={{ margin: '0.5rem 0 0', whiteSpace: 'pre-wrap' }}>
          <strong>The reviewer asked for changes:</strong> {note}
        </p>
      ) : null}
      {status === 'in-review' ? (
        <p style={{ margin: '0.25rem 0 0' }}>Waiting for a reviewer. Edits are saved as usual.</p>
      ) : null}
    </div>
  )
}
