/**
 * HTML built from tagged templates: every interpolated value is escaped unless it is already a
 * `Html` (a template's own output, or HTML Haven sanitized, wrapped with `trusted`).
 */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

type Value = Html | string | number | null | undefined | false | Value[]

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escape(String(value))
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + strings[i + 1]
  return new Html(out)
}

/** Only for HTML that is already safe: Haven's API sanitizes article bodies before serving them. */
export const trusted = (value: string) => new Html(value)

/**
 * A link target from content, or null: only web and mail addresses. Haven validates URLs on
 * entry, but a `javascript:` link must never reach a reader whatever was stored.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:' ? url : null
  } catch {
    return null
  }
}
