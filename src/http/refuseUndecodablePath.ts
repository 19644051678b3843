import type { IncomingMessage, ServerResponse } from 'node:http'

/** True when every percent escape in the path decodes to UTF-8 text. */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

export const UNDECODABLE_PATH =
  'The address contains a percent escape that is not UTF-8 text (such as %C0): ' +
  'encode each character of the path as UTF-8 before percent-escaping it.'

/**
 * Answers 400 for a path whose percent escapes do not decode (`/api/articles/%C0%AE`): Next
 * fails to decode it into route parameters and answers a bare 500 before any route runs.
 * Returns true when it answered.
 */
export function refuseUndecodablePath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  if (pathDecodes(query === -1 ? url : url.slice(0, query))) return false
  const body = JSON.stringify({ errors: [{ message: UNDECODABLE_PATH }] })
  res.writeHead(400, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
  return true
}
