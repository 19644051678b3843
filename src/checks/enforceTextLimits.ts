import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

/**
 * The most an article's texts may hold, in characters (the body counted as its plain text). The
 * title and summary limits are their fields' maxLength too. The body's, about 7,500 words, is
 * well above a long health article (2,000–4,000 words) and bounds how long one save keeps the
 * server busy: bench/saveLatency.ts measures a save at this limit.
 */
export const ARTICLE_TEXT_LIMITS = { title: 160, summary: 400, body: 50_000 } as const

/** Rich text nested deeper than this is no editor's doing, and recursive readers would overflow. */
const MAX_BODY_DEPTH = 64

type Limits = Record<string, number>

const tooDeep = Symbol('too deep')

// Counted without recursion and given up as soon as the limit is passed, so the count of an
// oversized or hostile body costs no more than the limit itself.
function richTextLength(value: unknown, limit: number): number | typeof tooDeep {
  let length = 0
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }]
  while (stack.length > 0 && length <= limit) {
    const { node, depth } = stack.pop()!
    if (!node || typeof node !== 'object') continue
    if (depth > MAX_BODY_DEPTH) return tooDeep
    const { text, children, root } = node as { text?: unknown; children?: unknown; root?: unknown }
    if (typeof text === 'string') length += text.length
    if (root) stack.push({ node: root, depth: depth + 1 })
    if (Array.isArray(children))
      for (const child of children) stack.push({ node: child, depth: depth + 1 })
  }
  return length
}

// A localized field arrives as one value, or as { en, es } when a request saves every locale.
function localeValues(value: unknown): unknown[] {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('root' in value))
    return Object.values(value)
  return [value]
}

function problems(data: Record<string, unknown>, limits: Limits) {
  const errors: Array<{ path: string; message: string }> = []
  for (const [path, limit] of Object.entries(limits)) {
    for (const value of localeValues(data[path])) {
      const length =
        typeof value === 'string' ? value.length : value ? richTextLength(value, limit) : 0
      if (length === tooDeep)
        errors.push({ path, message: `The ${path} is nested too deeply to be saved.` })
      else if (length > limit)
        errors.push({
          path,
          message: `The ${path} is too long: at most ${limit.toLocaleString('en')} characters are accepted.`,
        })
      if (errors.some((e) => e.path === path)) break
    }
  }
  return errors
}

/**
 * Refuses a save whose texts are over their limits before anything reads them. Payload validates
 * maxLength only after the collection's beforeChange hooks (the content checks among them) and
 * not at all for drafts, so without this an oversized draft went through every check first.
 */
export const enforceTextLimits =
  (limits: Limits): CollectionBeforeOperationHook =>
  ({ args, collection, operation }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data = args.data as Record<string, unknown> | undefined
    if (!data || typeof data !== 'object') return args
    const errors = problems(data, limits)
    if (errors.length === 0) return args
    const error = new ValidationError({ collection: collection.slug, errors })
    // REST answers carry only the message: Payload's "The following field is invalid: title"
    // would not say what to do.
    error.message = errors.map((e) => e.message).join(' ')
    throw error
  }
