import type { CollectionConfig } from 'payload'

import { isEditor } from '../../src/access/isEditor'
import { isStaff } from '../../src/access/isStaff'
import { mediaReadable } from '../../src/access/mediaReadable'
import { mediaDir } from '../../src/config/paths'
import { reencodeUpload, ACCEPTED_IMAGE_TYPES } from './hooks/reencodeUpload'
import { guardLiveImage } from './hooks/guardLiveImage'
import { uniqueFilename } from './hooks/uniqueFilename'
import { missingFileNotFound } from './handlers/missingFileNotFound'

/** Images for articles. Originals are re-encoded on upload so no EXIF/GPS tag is ever stored. */
export const Media: CollectionConfig = {
  slug: 'media',
  access: { read: mediaReadable, create: isStaff, update: isStaff, delete: isEditor },
  hooks: {
    beforeOperation: [reencodeUpload, uniqueFilename],
    beforeChange: [guardLiveImage],
  },
  upload: {
    staticDir: mediaDir(),
    handlers: [missingFileNotFound(mediaDir())],
    mimeTypes: ACCEPTED_IMAGE_TYPES,
    focalPoint: true,
    crop: true,
    withMetadata: false,
    imageSizes: [
      {
        name: 'thumbnail',
        width: 320,
        height: 320,
        formatOptions: { format: 'webp', options: { quality: 80 } },
      },
      { name: 'card', width: 768, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1600, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    { name: 'credit', type: 'text' },
  ],
}
