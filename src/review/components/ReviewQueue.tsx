import type { Payload, PayloadRequest, Where } from 'payload'

import { hasRole, isReviewer } from '../../access/roles'

type Props = { payload: Payload; user?: PayloadRequest['user'] | null }

const since = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

async function articles(payload: Payload, user: Props['user'], where: Where) {
  const { docs } = await payload.find({
    collection: 'articles',
    where,
    sort: 'updatedAt',
    limit: 25,
    depth: 0,
    draft: true,
    user,
    overrideAccess: false,
    select: { title: true, updatedAt: true, author: true },
  })
  return docs
}

function Section(props: {
  id: string
  title: string
  empty: string
  admin: string
  docs: Array<{ id: string | number; title?: string | null; updatedAt?: string }>
}) {
  return (
    <section id={props.id} className="haven-review-queue" style={{ margin: '0 0 1.5rem' }}>
      <h3 style={{ margin: '0 0 0.5rem' }}>
        {props.title}: {props.docs.length}
      </h3>
      {props.docs.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {props.docs.map((doc) => (
            <li key={doc.id}>
              <a href={`${props.admin}/collections/articles/${doc.id}`}>
                {doc.title || 'Untitled'}
              </a>
              {doc.updatedAt ? ` · since ${since(doc.updatedAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * The dashboard's work queues: "Waiting for your review" for reviewers (articles submitted by
 * someone else), "Changes requested" for authors (their articles a reviewer sent back). Read with
 * the viewer's own access, latest drafts included.
 */
export async function ReviewQueue({ payload, user }: Props) {
  if (!user) return null
  const admin = payload.config.routes.admin
  const reviewer = isReviewer(user)
  const writer = hasRole(user, 'admin', 'editor')
  const toReview = reviewer
    ? await articles(payload, user, {
        and: [
          { 'review.status': { equals: 'in-review' } },
          { or: [{ author: { not_equals: user.id } }, { author: { exists: false } }] },
        ],
      })
    : []
  const sentBack = writer
    ? await articles(payload, user, {
        and: [
          { 'review.status': { equals: 'changes-requested' } },
          { author: { equals: user.id } },
        ],
      })
    : []
  if (!reviewer && !writer) return null
  return (
    <div
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      {reviewer ? (
        <Section
          id="waiting-for-review"
          title="Waiting for your review"
          empty="Nothing is waiting for you."
          admin={admin}
          docs={toReview}
        />
      ) : null}
      {writer ? (
        <Section
          id="changes-requested"
          title="Changes requested"
          empty="No reviewer has sent anything of yours back."
          admin={admin}
          docs={sentBack}
        />
      ) : null}
    </div>
  )
}
