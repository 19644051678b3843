import { maxUploadBytes } from '../../collections/Media/hooks/reencodeUpload'

const MB = 1024 * 1024

function megabytes(name: string, fallback: number): number {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of megabytes, not "${raw}".`)
  return Math.floor(value * MB)
}

export type BodyLimits = { json: number; multipart: number }

/**
 * How large a request body /api/* takes. Multipart bodies carry media uploads and article
 * imports, so they get their own, larger limit, never below one upload (HAVEN_MAX_UPLOAD_MB) plus
 * room for the form around it; Payload still limits each uploaded file on its own.
 */
export function apiBodyLimits(): BodyLimits {
  return {
    json: megabytes('HAVEN_API_BODY_LIMIT_MB', 2 * MB),
    multipart: megabytes(
      'HAVEN_API_UPLOAD_BODY_LIMIT_MB',
      Math.max(32 * MB, maxUploadBytes() + MB),
    ),
  }
}

const isMultipart = (request: Request) =>
  /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')

const tooLarge = (limit: number) =>
  Response.json(
    {
      errors: [
        {
          message: `The request body is larger than the ${+(limit / MB).toFixed(2)} MB this endpoint accepts.`,
        },
      ],
    },
    { status: 413 },
  )

/**
 * The request with its body read into memory, or a 413 as soon as the body passes its limit: a
 * declared Content-Length is refused before anything is read, and a chunked body is cut off at
 * the limit instead of being buffered whole.
 */
export async function withinBodyLimit(
  request: Request,
  limits: BodyLimits,
): Promise<Request | Response> {
  if (!request.body) return request
  const limit = isMultipart(request) ? limits.multipart : limits.json
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) {
    await request.body.cancel().catch(() => undefined)
    return tooLarge(limit)
  }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return tooLarge(limit)
    }
    chunks.push(value)
  }
  return new Request(request, { body: Buffer.concat(chunks) })
}
