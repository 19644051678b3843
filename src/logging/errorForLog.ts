/**
 * pino's `err` serializer for every Haven logger. Error messages are written by libraries that
 * quote what they were given: graphql repeats a variable's value ("got invalid value "…""),
 * drizzle appends a failed query's parameters ("params: …"), validators quote the field's text.
 * Those values are request data, so the message keeps its wording and loses every quoted value,
 * the query parameters and the SQL; the stack keeps only its frames.
 */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|“[^”]*”/g
const AFTER_QUERY = /(Failed query|params):[\s\S]*$/i
const MAX_MESSAGE = 500

export function redactErrorMessage(message: string): string {
  return message
    .replace(AFTER_QUERY, '$1: [redacted]')
    .replace(QUOTED, '[redacted]')
    .slice(0, MAX_MESSAGE)
}

type Serialized = {
  type: string
  message: string
  stack?: string
  code?: unknown
  status?: unknown
  cause?: Serialized
}

export function errorForLog(error: unknown, depth = 0): Serialized | unknown {
  if (!(error instanceof Error)) {
    return typeof error === 'string' ? redactErrorMessage(error) : error
  }
  const serialized: Serialized = {
    type: error.constructor?.name ?? error.name,
    message: redactErrorMessage(error.message),
  }
  // Frames only: the first stack line repeats the message.
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line))
  if (frames?.length) serialized.stack = frames.join('\n')
  const { code, status } = error as { code?: unknown; status?: unknown }
  if (typeof code === 'string' || typeof code === 'number') serialized.code = code
  if (typeof status === 'number') serialized.status = status
  const cause =
    (error as { cause?: unknown; originalError?: unknown }).cause ??
    (error as { originalError?: unknown }).originalError
  if (cause && depth < 3) serialized.cause = errorForLog(cause, depth + 1) as Serialized
  return serialized
}
