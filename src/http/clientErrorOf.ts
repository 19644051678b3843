/**
 * Recognises errors that libraries under Payload throw because of what a request contained, so
 * they are answered with a 400 that says so instead of a 500. Everything else stays a 500.
 */
export type ClientError = { status: number; message: string }

// busboy's messages for a multipart body it cannot parse.
const MULTIPART = [
  'Unexpected end of form',
  'Unexpected end of file',
  'Malformed content type',
  'Malformed part header',
  'Malformed urlencoded form',
  'Multipart: Boundary not found',
  'Unsupported content type',
]

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current = error
  while (current && chain.length < 5) {
    chain.push(current)
    current =
      (current as { cause?: unknown; originalError?: unknown }).cause ??
      (current as { originalError?: unknown }).originalError
  }
  return chain
}

export function clientErrorOf(error: unknown): ClientError | undefined {
  for (const link of causes(error)) {
    if (!(link instanceof Error)) continue
    const status = (link as { status?: unknown }).status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { status, message: link.message }
    }
    if (MULTIPART.includes(link.message)) {
      return { status: 400, message: `The multipart body is malformed: ${link.message}.` }
    }
    if (link instanceof SyntaxError && /JSON/.test(link.message)) {
      return { status: 400, message: 'The request body is not valid JSON.' }
    }
    if (link instanceof RangeError && /finite numbers/.test(link.message)) {
      return {
        status: 400,
        message: 'A number in the request is not a finite number or is too large to be stored.',
      }
    }
    // The MongoDB adapter's equivalent: a request value that cannot be cast to its field's type
    // (mongoose) or to an ObjectId (bson).
    if (['CastError', 'BSONError', 'BSONTypeError'].includes(link.name)) {
      return {
        status: 400,
        message: 'A value in the request does not fit its field (for example not a document id).',
      }
    }
    // SQLSTATE class 22 is "data exception": a value that does not fit its column's type
    // (not a date, not a number, out of range). Only values from the request reach a query.
    const code = (link as { code?: unknown }).code
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) {
      return {
        status: 400,
        message:
          'A value in the request does not fit its field (for example not a date or a number).',
      }
    }
  }
  return undefined
}
