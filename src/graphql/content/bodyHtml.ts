import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

type SerializedState = Parameters<typeof convertLexicalToHTML>[0]['data']

const converters: HTMLConverters = {
  ...defaultHTMLConverters,
  // Bodies are read at depth 0, so an internal link holds only the target's id; a frontend
  // resolves it from bodyJson. Rendering it as plain text keeps the HTML free of dead links.
  link: ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    const fields = node.fields as { linkType?: string; url?: string; newTab?: boolean }
    if (fields.linkType === 'internal' || !fields.url) return `<span>${children}</span>`
    const target = fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
    return `<a href="${fields.url.replace(/"/g, '&quot;')}"${target}>${children}</a>`
  },
}

// Editors are trusted but pasted content is not: allow document structure and links only.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    's',
    'sub',
    'sup',
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'], ol: ['start', 'type'], li: ['value'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
}

const MAX_CACHED = 2000
const cache = new Map<string, string>()

/**
 * Sanitized HTML of a Lexical body. Converting and sanitizing a long article costs milliseconds,
 * so results are memoized by (id, locale, updatedAt): any edit changes the key.
 */
export function bodyToHtml(body: unknown, key?: string): string {
  if (!body || typeof body !== 'object') return ''
  if (key && cache.has(key)) return cache.get(key)!
  const raw = convertLexicalToHTML({
    data: body as SerializedState,
    converters,
    disableContainer: true,
  })
  const html = sanitizeHtml(raw, SANITIZE)
  if (key) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
    cache.set(key, html)
  }
  return html
}
