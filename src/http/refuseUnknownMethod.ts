import type { IncomingMessage, ServerResponse } from 'node:http'

export const SUPPORTED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const supported = new Set(SUPPORTED_METHODS)

/**
 * Answers 405 for a method no Haven route serves (TRACE, CONNECT, WebDAV verbs), before it
 * reaches Next, which has no route-level answer for them. Returns true when it answered.
 */
export function refuseUnknownMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (supported.has(req.method ?? '')) return false
  const body = JSON.stringify({
    errors: [
      {
        message: `The ${req.method} method is not supported here: use ${SUPPORTED_METHODS.join(', ')}.`,
      },
    ],
  })
  res.writeHead(405, {
    allow: SUPPORTED_METHODS.join(', '),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
  return true
}
