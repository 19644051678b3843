export type ImportErrorCode =
  'binary' | 'empty' | 'encoding' | 'unreadable' | 'too-large' | 'no-title'

/** A file that cannot be imported, with a message an editor can act on. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}
