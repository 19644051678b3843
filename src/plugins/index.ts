import type { Plugin } from 'payload'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { s3Storage } from '@payloadcms/storage-s3'

import { contentChanges } from './contentChanges'

type Doc = { title?: string; name?: string; summary?: string; description?: string }

export const plugins: Plugin[] = [
  // Webhooks, the API cache and the audit log hear of every change to public content.
  contentChanges({
    collections: ['articles', 'support-groups', 'topics', 'media'],
    globals: ['crisis-resources'],
  }),
  seoPlugin({
    collections: ['articles', 'support-groups'],
    uploadsCollection: 'media',
    tabbedUI: false,
    generateTitle: ({ doc }) => `${(doc as Doc).title ?? (doc as Doc).name ?? ''} | Haven`,
    generateDescription: ({ doc }) => (doc as Doc).summary ?? (doc as Doc).description ?? '',
  }),
  // Scaled-out instances share no disk, so media goes to S3-compatible storage when configured.
  s3Storage({
    enabled: Boolean(process.env.S3_BUCKET),
    collections: { media: true },
    bucket: process.env.S3_BUCKET ?? '',
    config: {
      endpoint: process.env.S3_ENDPOINT || undefined,
      region: process.env.S3_REGION || 'us-east-1',
      forcePathStyle: Boolean(process.env.S3_ENDPOINT),
      credentials: {
        accessKeyId: process.env.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '',
      },
    },
  }),
]
