import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

export const ACCEPTED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
]

/** Largest upload accepted, in bytes (HAVEN_MAX_UPLOAD_MB, default 10). */
export const maxUploadBytes = () => Number(process.env.HAVEN_MAX_UPLOAD_MB || 10) * 1024 * 1024

// sharp's format names for the MIME types above.
const FORMAT_FOR_MIME: Record<string, 'jpeg' | 'png' | 'webp' | 'avif' | 'gif'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
}
const MIME_FOR_FORMAT: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/avif',
  gif: 'image/gif',
}

/**
 * Payload stores the uploaded original byte for byte, EXIF and GPS included. This re-encodes the
 * original through sharp (which drops metadata unless asked to keep it) after applying the EXIF
 * orientation, so a phone photo keeps its rotation but loses its location. It also checks that
 * the bytes really are the image type the upload claims, so a mislabelled file is refused.
 */
export const reencodeUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  if (file.data.length > maxUploadBytes()) {
    const mb = (maxUploadBytes() / 1024 / 1024).toFixed(0)
    throw new APIError(`The file is larger than the ${mb} MB upload limit.`, 413, undefined, true)
  }

  let detected: string | undefined
  try {
    detected = (await sharp(file.data).metadata()).format
  } catch {
    throw new APIError('The upload is not a readable image.', 400, undefined, true)
  }
  const actualMime = detected ? MIME_FOR_FORMAT[detected] : undefined
  if (!actualMime) {
    throw new APIError(
      `Unsupported image format. Accepted: ${ACCEPTED_IMAGE_TYPES.join(', ')}.`,
      400,
      undefined,
      true,
    )
  }
  if (
    file.mimetype &&
    actualMime !== file.mimetype &&
    !(file.mimetype === 'image/jpg' && actualMime === 'image/jpeg')
  ) {
    throw new APIError(
      `The file is labelled ${file.mimetype} but its content is ${actualMime}.`,
      400,
      undefined,
      true,
    )
  }

  const format = FORMAT_FOR_MIME[actualMime]
  const data = await sharp(file.data, { animated: format === 'gif' || format === 'webp' })
    .rotate()
    .toFormat(format)
    .toBuffer()
  req.file = { ...file, data, size: data.length, mimetype: actualMime }
  return args
}
