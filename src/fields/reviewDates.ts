import type { Field, FieldHook } from 'payload'

/** Months between clinical reviews; HAVEN_REVIEW_INTERVAL_MONTHS overrides the default of 12. */
export function reviewIntervalMonths(): number {
  const raw = Number(process.env.HAVEN_REVIEW_INTERVAL_MONTHS ?? 12)
  return Number.isInteger(raw) && raw > 0 && raw <= 60 ? raw : 12
}

export function addMonths(iso: string, months: number): string {
  const date = new Date(iso)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay))
  return date.toISOString()
}

// When the review date moves, the due date follows it unless the editor set both in this save.
const defaultNextReviewDue: FieldHook = ({ value, data, originalDoc }) => {
  const reviewed = data?.lastReviewedAt
  if (!reviewed) return value
  const reviewedChanged = reviewed !== originalDoc?.lastReviewedAt
  const dueSetNow = value && value !== originalDoc?.nextReviewDue
  if (!value || (reviewedChanged && !dueSetNow)) return addMonths(reviewed, reviewIntervalMonths())
  return value
}

/** Governance dates following the NHS "last reviewed / next review due" pattern. */
export function reviewDateFields(): Field[] {
  return [
    {
      name: 'lastReviewedAt',
      type: 'date',
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } },
    },
    {
      name: 'nextReviewDue',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: 'Defaults to the last review plus the configured interval.',
      },
      hooks: { beforeChange: [defaultNextReviewDue] },
    },
  ]
}
