import crypto from 'node:crypto'
import path from 'node:path'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Payload names an upload after the uploaded file and each size after that name plus its
 * dimensions, so `x.jpg` and `x.png` of the same proportions share `x-320x320.webp`: the second
 * upload overwrites the first one's sizes, and deleting either deletes both. A random prefix per
 * upload gives the original and every size a name no other upload has, so a document only ever
 * owns (and deletes) its own files. The readable part is reduced to safe characters.
 */
export const uniqueFilename: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  const ext = path
    .extname(file.name)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
  const base =
    path
      .basename(file.name, path.extname(file.name))
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'image'
  req.file = { ...file, name: `${base}-${crypto.randomBytes(6).toString('hex')}${ext}` }
  return args
}
