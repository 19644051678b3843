'use client'
import { useFormFields } from '@payloadcms/ui'

type Row = { check?: string; match?: string; message?: string; overrideReason?: string }

const NAMES: Record<string, string> = {
  privacy: 'Personal data',
  duplicate: 'Likely duplicate',
  'title-mismatch': 'Title mismatch',
  'blocked-phrase': 'Blocked phrase',
}

/**
 * Under a public text field: the content-check findings about that field, with the text that
 * matched, so the editor sees what blocks publishing where it is (all findings, with override
 * reasons, are in "Content check findings").
 */
export const FieldFindings = ({ field, description }: { field: string; description?: string }) => {
  const rows = useFormFields(([fields]) => {
    const count = Number(fields.findings?.value ?? 0)
    const found: Row[] = []
    for (let i = 0; i < count; i++) {
      if (fields[`findings.${i}.field`]?.value !== field) continue
      const value = (name: string) => fields[`findings.${i}.${name}`]?.value as string | undefined
      found.push({
        check: value('check'),
        match: value('match'),
        message: value('message'),
        overrideReason: value('overrideReason'),
      })
    }
    return JSON.stringify(found)
  })
  const findings = JSON.parse(rows) as Row[]
  if (findings.length === 0)
    return description ? <div className="field-description">{description}</div> : null
  return (
    <div className="field-description">
      {description ? <div>{description}</div> : null}
      <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.1rem' }}>
        {findings.map((f, i) => (
          <li key={i} style={{ color: f.overrideReason ? undefined : 'var(--theme-error-500)' }}>
            {NAMES[f.check ?? ''] ?? 'Finding'}: “{f.match}”{' '}
            {f.overrideReason
              ? `(overridden: ${f.overrideReason})`
              : '— blocks approval and publishing until removed or overridden by a reviewer.'}
          </li>
        ))}
      </ul>
    </div>
  )
}
