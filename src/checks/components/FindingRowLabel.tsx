'use client'
import { useRowLabel } from '@payloadcms/ui'

type Row = { check?: string; match?: string; overrideReason?: string; related?: string }

const NAMES: Record<string, string> = {
  privacy: 'Personal data',
  duplicate: 'Likely duplicate',
  containment: 'Copied wording',
  'title-mismatch': 'Title mismatch',
  'title-needed': 'Title needed',
  'blocked-phrase': 'Blocked phrase',
  'content-warning': 'Content warning suggested',
}

/**
 * Shows "Personal data: jane@example.org (overridden)" as the row title in the findings list; a
 * finding about another article (a duplicate) links to it.
 */
export const FindingRowLabel = () => {
  const { data } = useRowLabel<Row>()
  const name = NAMES[data?.check ?? ''] ?? 'Finding'
  const state = data?.overrideReason ? ' (overridden)' : ' (blocks publishing)'
  const related = data?.related && /^[\w-]+$/.test(data.related) ? data.related : null
  return (
    <span>
      {name}:{' '}
      {related ? (
        <a
          href={`/admin/collections/articles/${related}`}
          onClick={(event) => event.stopPropagation()}
        >
          {data?.match ?? ''}
        </a>
      ) : (
        (data?.match ?? '')
      )}
      {state}
    </span>
  )
}
