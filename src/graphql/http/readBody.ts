import type { IncomingMessage } from 'node:http'

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than the ${limit}-byte limit.`)
  }
}

/** The client closed the connection before its body arrived: there is no one to answer. */
export class ClientClosedError extends Error {
  constructor() {
    super('The client closed the connection before sending its whole request body.')
  }
}

/**
 * Reads a Node request body, stopping as soon as it passes `limit` bytes. Listens for the
 * stream's events rather than iterating it: `for await` costs a promise per chunk plus the
 * iterator's own, and every promise pays for async_hooks in the Next process (Next keeps
 * AsyncLocalStorage on), which made /graphql under `npm start` measurably slower than alone.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return reject(new BodyTooLargeError(limit))
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        done()
        // Stop reading; the caller answers 413 and closes the connection.
        req.pause()
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      done()
      resolve(
        chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
      )
    }
    // A request stream only fails when its connection does (ECONNRESET, "aborted"), and a
    // 'close' before 'end' is the same: the client went away mid-body.
    const onError = () => {
      done()
      reject(new ClientClosedError())
    }
    const onClose = () => {
      if (!req.readableEnded) onError()
    }
    function done() {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}

/** Reads a WHATWG Request body (Next route handlers) with the same limit. */
export async function readWebBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) throw new BodyTooLargeError(limit)
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw new BodyTooLargeError(limit)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
