import { lexicalToPlainText } from '../lib/lexical'

export type PublicText = { field: string; text: string }

type Node = { type?: string; url?: string; fields?: { url?: string }; children?: Node[] }

// Links keep their address outside the visible text; a token in an href is just as public.
function linkUrls(node: Node | undefined, out: string[] = []): string[] {
  if (!node) return out
  const url = node.fields?.url ?? node.url
  if (typeof url === 'string' && url) out.push(url)
  for (const child of node.children ?? []) linkUrls(child, out)
  return out
}

export function richTextForScan(value: unknown): string {
  const root = (value as { root?: Node } | null | undefined)?.root
  return [lexicalToPlainText(value), ...linkUrls(root)].filter(Boolean).join('\n')
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const rows = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : [])

/**
 * The fields of a document the public can read, as plain text with their paths. The `private`
 * group of a support group is deliberately absent: personal data belongs there.
 */
export function publicTexts(
  collection: 'articles' | 'support-groups',
  doc: Record<string, unknown>,
): PublicText[] {
  const texts: PublicText[] =
    collection === 'articles'
      ? [
          { field: 'title', text: str(doc.title) },
          { field: 'summary', text: str(doc.summary) },
          { field: 'body', text: richTextForScan(doc.body) },
          ...rows(doc.sources).flatMap((s, i) => [
            { field: `sources.${i}.title`, text: str(s.title) },
            { field: `sources.${i}.url`, text: str(s.url) },
          ]),
        ]
      : [
          { field: 'name', text: str(doc.name) },
          { field: 'description', text: str(doc.description) },
          { field: 'organisation', text: str(doc.organisation) },
          { field: 'cost', text: str(doc.cost) },
          { field: 'accessibilityNotes', text: str(doc.accessibilityNotes) },
          {
            field: 'area',
            text: [
              (doc.area as Record<string, unknown>)?.city,
              (doc.area as Record<string, unknown>)?.region,
            ]
              .map(str)
              .filter(Boolean)
              .join(', '),
          },
          ...rows((doc.schedule as Record<string, unknown> | undefined)?.oneOff).map((o, i) => ({
            field: `schedule.oneOff.${i}.note`,
            text: str(o.note),
          })),
        ]
  return texts.filter((t) => t.text.trim().length > 0)
}
