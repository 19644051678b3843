'use client'
import type { DefaultCellComponentProps } from 'payload'

import { statusLabel } from '../../../src/review/statusLabel'

/**
 * The list's Status column: "In review", "Changes requested", "Approved", "Published",
 * "Published, edit in review"… Payload's own column says "Draft" for all of the first three.
 */
export const WorkflowStatusCell = ({ rowData }: DefaultCellComponentProps) => {
  const label = statusLabel({
    reviewStatus: rowData?.review?.status,
    latestStatus: rowData?._status,
    live: rowData?._displayStatus === 'changed' || rowData?._status === 'published',
  })
  return <span data-workflow-status={label}>{label}</span>
}
