import { Lexer, Source, TokenKind } from 'graphql'

export type ShapeProblem = { code: string; message: string }

const OPENERS = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L])
const CLOSERS = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R])

/** How deep braces, brackets and parentheses may nest in a query's text. */
export const maxNesting = (maxDepth: number) => Math.max(64, maxDepth * 4)

/**
 * graphql's parser and validation recurse once per level of nesting, so a few thousand levels
 * (nested selections, inline fragments, list or object values) overflow the stack and surface as
 * "Maximum call stack size exceeded" or a 500. The lexer is a loop: it measures nesting before
 * anything recursive runs. Text that does not lex is left for the parser to explain.
 */
function nestingProblem(query: string, limit: number): ShapeProblem | undefined {
  const lexer = new Lexer(new Source(query))
  let depth = 0
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENERS.has(token.kind)) depth += 1
      else if (CLOSERS.has(token.kind)) depth -= 1
      if (depth > limit) {
        return {
          code: 'QUERY_TOO_DEEP',
          message:
            `Query is nested too deeply: more than ${limit} levels of braces, brackets or ` +
            'parentheses. Ask for fewer nested fields or fragments.',
        }
      }
    }
  } catch {
    return undefined
  }
  return undefined
}

const SHA256 = /^[0-9a-f]{64}$/i

/** An automatic-persisted-query extension Apollo can work with: version 1 and a SHA-256 hash. */
function persistedQueryProblem(extensions: unknown): ShapeProblem | undefined {
  if (!extensions || typeof extensions !== 'object') return undefined
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery
  if (persisted == null) return undefined
  const { version, sha256Hash } = (typeof persisted === 'object' ? persisted : {}) as {
    version?: unknown
    sha256Hash?: unknown
  }
  if (version === 1 && typeof sha256Hash === 'string' && SHA256.test(sha256Hash)) return undefined
  return {
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    message:
      'extensions.persistedQuery must be { "version": 1, "sha256Hash": "<the query\'s SHA-256 ' +
      'in 64 hexadecimal digits>" }; only version 1 of automatic persisted queries is supported.',
  }
}

/**
 * Checks a GraphQL request (the JSON body of a POST, or a GET's search parameters) for shapes
 * that Apollo and graphql would answer with a stack overflow or an internal-error code.
 */
export function requestShapeProblem(
  method: string,
  search: string,
  body: unknown,
  maxDepth: number,
): ShapeProblem | undefined {
  let query: unknown
  let extensions: unknown
  if (method === 'GET') {
    const params = new URLSearchParams(search)
    query = params.get('query')
    try {
      extensions = JSON.parse(params.get('extensions') ?? 'null')
    } catch {
      // Apollo explains malformed JSON in a search parameter itself.
    }
  } else if (body && typeof body === 'object' && !Array.isArray(body)) {
    ;({ query, extensions } = body as { query?: unknown; extensions?: unknown })
  }
  return (
    persistedQueryProblem(extensions) ??
    (typeof query === 'string' ? nestingProblem(query, maxNesting(maxDepth)) : undefined)
  )
}
