/**
 * Small helpers around Lexical's serialized JSON, shared by the seed, the importer and the text
 * checks. They build only the node types the default Payload editor ships (root, paragraph,
 * heading, text, list) so the admin editor opens every document they produce.
 */

export type TextBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string; level?: 2 | 3 | 4 }
  | { type: 'list'; items: string[]; ordered?: boolean }

type LexicalNode = {
  type: string
  version: number
  children?: LexicalNode[]
  text?: string
  [key: string]: unknown
}

export type LexicalDocument = {
  root: {
    type: string
    children: LexicalNode[]
    direction: 'ltr' | 'rtl' | null
    format: ''
    indent: number
    version: number
    [key: string]: unknown
  }
}

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
  ...extra,
})

export function toLexical(blocks: TextBlock[]): LexicalDocument {
  const children = blocks.map((block): LexicalNode => {
    if (block.type === 'heading') {
      return element('heading', [textNode(block.text)], { tag: `h${block.level ?? 2}` })
    }
    if (block.type === 'list') {
      const listType = block.ordered ? 'number' : 'bullet'
      return element(
        'list',
        block.items.map((item, i) => element('listitem', [textNode(item)], { value: i + 1 })),
        { listType, start: 1, tag: block.ordered ? 'ol' : 'ul' },
      )
    }
    return element('paragraph', [textNode(block.text)], { textFormat: 0, textStyle: '' })
  })
  return { root: { ...element('root', children) } }
}

/** Plain text of a Lexical document, one line per block, for scanning and comparison. */
export function lexicalToPlainText(doc: unknown): string {
  const lines: string[] = []
  type Walked = { type?: string; text?: string; children?: Walked[] }
  const walk = (node: Walked | undefined, out: string[]): void => {
    if (!node) return
    if (typeof node.text === 'string') out.push(node.text)
    for (const child of node.children ?? []) {
      if (child.type === 'linebreak') out.push('\n')
      walk(child, out)
    }
  }
  const root = (doc as { root?: Walked } | null | undefined)?.root
  for (const block of root?.children ?? []) {
    const parts: string[] = []
    walk(block, parts)
    const line = parts.join('').trim()
    if (line) lines.push(line)
  }
  return lines.join('\n')
}
