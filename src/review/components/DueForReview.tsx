import type { Payload, PayloadRequest } from 'payload'

import { dueForReview, DUE_WITHIN_DAYS } from '../dueForReview'

type Props = { payload: Payload; user?: PayloadRequest['user'] | null }

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

/**
 * "Due for clinical review": articles whose next review date has passed or falls within 30 days
 * (the NHS "last reviewed / next review due" pattern). Shown on the dashboard and above the
 * articles list, with a link to the same filter in the list view.
 */
export async function DueForReview({ payload, user }: Props) {
  if (!user) return null
  const docs = await dueForReview(payload, { user, limit: 25 })
  const admin = payload.config.routes.admin
  // A server component renders once per request: "now" is that request's time.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now()
  const horizon = new Date(now + DUE_WITHIN_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const listLink = `${admin}/collections/articles?sort=nextReviewDue&where[nextReviewDue][less_than_equal]=${encodeURIComponent(horizon)}`
  return (
    <details
      open={docs.length > 0}
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <summary>
        <strong>Due for clinical review: {docs.length}</strong> (next review date passed or within{' '}
        {DUE_WITHIN_DAYS} days)
      </summary>
      {docs.length === 0 ? (
        <p>
          Nothing is due. Every article&apos;s next review is more than {DUE_WITHIN_DAYS} days away.
        </p>
      ) : (
        <ul style={{ margin: '0.5rem 0', paddingLeft: '1.25rem' }}>
          {docs.map((doc) => {
            const due = doc.nextReviewDue as string
            const overdue = Date.parse(due) < now
            return (
              <li key={doc.id}>
                <a href={`${admin}/collections/articles/${doc.id}`}>{doc.title}</a>{' '}
                <span style={{ color: overdue ? 'var(--theme-error-500)' : undefined }}>
                  {overdue ? `overdue since ${day(due)}` : `due ${day(due)}`}
                </span>
                {doc.lastReviewedAt ? ` · last reviewed ${day(doc.lastReviewedAt as string)}` : ''}
              </li>
            )
          })}
        </ul>
      )}
      <a href={listLink}>Show them in the articles list</a>
    </details>
  )
}
