'use client'
import { useRowLabel } from '@payloadcms/ui'

type Row = { check?: string; match?: string; overrideReason?: string }

const NAMES: Record<string, string> = {
  privacy: 'Personal data',
  duplicate: 'Likely duplicate',
  'title-mismatch': 'Title mismatch',
  'blocked-phrase': 'Blocked phrase',
}

/** Shows "Personal data: jane@example.org (overridden)" as the row title in the findings list. */
export const FindingRowLabel = () => {
  const { data } = useRowLabel<Row>()
  const name = NAMES[data?.check ?? ''] ?? 'Finding'
  const state = data?.overrideReason ? ' (overridden)' : ' (blocks publishing)'
  return (
    <span>
      {name}: {data?.match ?? ''}
      {state}
    </span>
  )
}
