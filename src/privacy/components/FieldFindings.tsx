'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'

type Row = { check?: string; field?: string; match?: string; overrideReason?: string | null }

const NAMES: Record<string, string> = {
  privacy: 'Personal data',
  duplicate: 'Likely duplicate',
  'title-mismatch': 'Title mismatch',
  'blocked-phrase': 'Blocked phrase',
}

/**
 * Under a public text field: the content-check findings about that field from the last save
 * (so they clear as soon as a save no longer finds them), and the reason a refused save gave for
 * this field, so the editor sees what blocks publishing where it is. A finding a reviewer has
 * overridden is shown as settled, not as something to fix.
 */
export const FieldFindings = ({ field, description }: { field: string; description?: string }) => {
  const { savedDocumentData } = useDocumentInfo()
  const refusal = useFormFields(([fields]) => {
    const state = fields[field]
    return state && state.valid === false ? (state.errorMessage ?? '') : ''
  })
  const findings = ((savedDocumentData?.findings ?? []) as Row[]).filter((f) => f?.field === field)
  const open = findings.filter((f) => !f.overrideReason?.trim())
  const settled = findings.length - open.length
  if (open.length === 0 && settled === 0 && !refusal)
    return description ? <div className="field-description">{description}</div> : null
  return (
    <div className="field-description haven-field-findings">
      {description ? <div>{description}</div> : null}
      {refusal ? (
        <p role="alert" style={{ margin: '0.25rem 0 0', color: 'var(--theme-error-500)' }}>
          {refusal}
        </p>
      ) : null}
      {open.length > 0 ? (
        <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.1rem' }}>
          {open.map((f, i) => (
            <li key={i} style={{ color: 'var(--theme-error-500)' }}>
              {NAMES[f.check ?? ''] ?? 'Finding'}: “{f.match}” — blocks approval and publishing
              until removed or overridden by a reviewer.
            </li>
          ))}
        </ul>
      ) : null}
      {settled > 0 ? (
        <p style={{ margin: '0.25rem 0 0' }}>
          {settled === 1 ? 'One finding was' : `${settled} findings were`} overridden by a reviewer;
          nothing to fix.
        </p>
      ) : null}
    </div>
  )
}
