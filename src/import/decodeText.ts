import { ImportError } from './ImportError'

/** Larger files are not articles (a whole site dump, a log): refuse before parsing. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

/**
 * Bytes of a plain-text article as a string. UTF-8 (with or without BOM) and UTF-16 with a BOM
 * are read; anything else is refused rather than guessed, because a wrong guess silently turns
 * every accented letter into garbage in a published article.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportError('too-large', `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`)
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)))
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)))
  if (bytes.subarray(0, 8000).includes(0))
    throw new ImportError('binary', 'This is a binary file, not plain text.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new ImportError(
      'encoding',
      'The text is not valid UTF-8. Save the file as UTF-8 (e.g. "Save as… Encoding: UTF-8") and import it again.',
    )
  }
  return checked(text)
}

function checked(text: string): string {
  // Control characters other than tab / newlines mean this was never text.
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0
  if (controls > Math.max(2, text.length * 0.01))
    throw new ImportError('binary', 'This looks like a binary file, not plain text.')
  if (text.trim() === '') throw new ImportError('empty', 'The file is empty.')
  return text
}
