import fs from 'node:fs/promises'
import path from 'node:path'
import type { CollectionConfig, PayloadRequest } from 'payload'

type UploadHandler = NonNullable<
  Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']
>[number]

/**
 * A file that a document names but the disk no longer has is a 404 for the caller, not the 500
 * Payload's local file route answers. Returns nothing when the file is there (Payload then
 * serves it) or when files live elsewhere (cloud storage handlers answer instead).
 */
export const missingFileNotFound = (staticDir: string): UploadHandler =>
  // Payload types a handler as always or never answering; it accepts "no answer" at run time.
  (async (
    req: PayloadRequest,
    { params }: { params: { collection: string; filename: string } },
  ) => {
    const upload = req.payload.config.collections.find((c) => c.slug === params.collection)?.upload
    if (!upload || upload.disableLocalStorage) return
    const dir = path.resolve(staticDir)
    const file = path.resolve(dir, params.filename)
    // Names that leave the folder are Payload's to refuse (400).
    if (!file.startsWith(dir + path.sep)) return
    try {
      await fs.stat(file)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      req.payload.logger.info({ collection: params.collection }, 'Requested media file is missing')
      return Response.json({ errors: [{ message: 'File not found.' }] }, { status: 404 })
    }
  }) as UploadHandler
