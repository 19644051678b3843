'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useState, type FormEvent } from 'react'

type Outcome = {
  file: string
  status: 'imported' | 'updated' | 'unchanged' | 'failed'
  id?: string | number
  title?: string
  flags?: string[]
  error?: string
}
type Result = { outcomes: Outcome[]; summary: Record<string, number> }

const FLAG_NAMES: Record<string, string> = {
  privacy: 'personal data',
  duplicate: 'likely duplicate',
  'title-mismatch': 'title mismatch',
  'blocked-phrase': 'blocked phrase',
}

/**
 * Upload box above the articles list: editors pick plain-text files and get drafts back, with a
 * line per file saying what happened and what the content checks flagged.
 */
export const ImportArticles = () => {
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${serverURL}${api}/articles/import`, {
        method: 'POST',
        body: form,
        credentials: 'include',
      })
      const json = await res.json().catch(() => ({ error: `Import failed (${res.status}).` }))
      if (!res.ok) setError(json.error ?? `Import failed (${res.status}).`)
      else setResult(json as Result)
    } catch {
      setError('The server could not be reached. Nothing was imported.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <details style={{ marginBottom: 'var(--base)' }}>
      <summary style={{ cursor: 'pointer' }}>Import plain-text articles as drafts</summary>
      <form onSubmit={submit} style={{ marginTop: 'calc(var(--base) / 2)' }}>
        <input type="file" name="files" multiple accept=".txt,text/plain" required />
        <Button type="submit" disabled={busy} buttonStyle="secondary" size="small">
          {busy ? 'Importing…' : 'Import'}
        </Button>
      </form>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div>
          <p>
            Imported {result.summary.imported}, updated {result.summary.updated}, unchanged{' '}
            {result.summary.unchanged}, flagged {result.summary.flagged}, failed{' '}
            {result.summary.failed}.
          </p>
          <table>
            <thead>
              <tr>
                <th>File</th>
                <th>Result</th>
                <th>Draft</th>
                <th>Flags / error</th>
              </tr>
            </thead>
            <tbody>
              {result.outcomes.map((o) => (
                <tr key={o.file}>
                  <td>{o.file}</td>
                  <td>{o.status}</td>
                  <td>
                    {o.id != null ? (
                      <a href={`${admin}/collections/articles/${o.id}`}>{o.title ?? o.id}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{o.error ?? (o.flags ?? []).map((f) => FLAG_NAMES[f] ?? f).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  )
}
