'use client'
import { useAuth, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import type { StoredFinding } from '../types'

const NAMES: Record<string, string> = {
  privacy: 'Personal data',
  duplicate: 'Likely duplicate',
  'title-mismatch': 'Title mismatch',
  'blocked-phrase': 'Blocked phrase',
}

const key = (f: Partial<StoredFinding>) => `${f.check}|${f.field}|${f.match}|${f.related ?? ''}`

/**
 * "Content check findings", in place of Payload's array editor: the findings come from the
 * checks on each save, so nobody adds or removes rows here. The list shows the saved document
 * (it refreshes after every save and autosave); a reviewer types an override reason next to a
 * finding, which goes into the form's matching row and is recorded on the next save.
 */
export const FindingsList = ({ path = 'findings' }: { path?: string }) => {
  const { savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const { dispatchFields, setModified } = useForm()
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  const reviewer = roles.includes('reviewer') || roles.includes('admin')
  const saved = ((savedDocumentData?.[path] ?? []) as StoredFinding[]).filter((f) => f?.check)
  // Row index in the form for each finding, by what it found (row ids may not match yet).
  const rowsJson = useFormFields(([fields]) => {
    const count = Number(fields[path]?.value ?? 0)
    const rows: Array<{ key: string; reason: string }> = []
    for (let i = 0; i < count; i++) {
      const v = (name: string) => fields[`${path}.${i}.${name}`]?.value as string | undefined
      rows.push({
        key: key({
          check: v('check') as never,
          field: v('field'),
          match: v('match'),
          related: v('related'),
        }),
        reason: v('overrideReason') ?? '',
      })
    }
    return JSON.stringify(rows)
  })
  const rows = JSON.parse(rowsJson) as Array<{ key: string; reason: string }>
  const [drafts, setDrafts] = useState<Record<string, string>>({})

  const setReason = (finding: StoredFinding, reason: string) => {
    setDrafts((d) => ({ ...d, [key(finding)]: reason }))
    const index = rows.findIndex((r) => r.key === key(finding))
    if (index < 0) return
    dispatchFields({ type: 'UPDATE', path: `${path}.${index}.overrideReason`, value: reason })
    setModified(true)
  }

  return (
    <div className="field-type haven-findings" style={{ margin: '1.5rem 0' }}>
      <h3 style={{ margin: '0 0 0.25rem' }}>Content check findings</h3>
      <p className="field-description">
        Found on save. Publishing is blocked until each is fixed in the text, or a reviewer records
        a reason to override it.
      </p>
      {saved.length === 0 ? (
        <p className="haven-findings__none">No findings: the last save passed every check.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0.5rem 0 0' }}>
          {saved.map((f) => {
            const overridden = Boolean(f.overrideReason?.trim())
            const draft = drafts[key(f)]
            return (
              <li
                key={key(f)}
                className="haven-finding"
                data-state={overridden ? 'overridden' : 'open'}
                style={{
                  padding: '0.5rem 0.75rem',
                  margin: '0 0 0.5rem',
                  borderLeft: `3px solid ${overridden ? 'var(--theme-elevation-300)' : 'var(--theme-error-500)'}`,
                  background: 'var(--theme-elevation-50)',
                }}
              >
                <strong>{NAMES[f.check] ?? 'Finding'}</strong> in <em>{f.field}</em>: “{f.match}”
                <div style={{ fontSize: '0.9em' }}>{f.message}</div>
                {overridden ? (
                  <div style={{ fontSize: '0.9em' }}>
                    Overridden by a reviewer: {f.overrideReason}. Nothing to fix.
                  </div>
                ) : (
                  <div style={{ fontSize: '0.9em', color: 'var(--theme-error-500)' }}>
                    Blocks approval and publishing until fixed in the text
                    {reviewer ? ' or overridden below.' : ' or overridden by a reviewer.'}
                  </div>
                )}
                {reviewer ? (
                  <label style={{ display: 'block', marginTop: '0.25rem', fontSize: '0.9em' }}>
                    Override reason (reviewers only)
                    <input
                      type="text"
                      className="haven-finding__override"
                      value={draft ?? f.overrideReason ?? ''}
                      placeholder='e.g. "consent on file"'
                      onChange={(e) => setReason(f, e.target.value)}
                      style={{ display: 'block', width: '100%' }}
                    />
                  </label>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
