import type { CollectionConfig } from 'payload'

import { isAdmin } from '../src/access/isAdmin'

const nobody = () => false

/**
 * The duplicate index: one row per article and locale with the MinHash sketches of its body,
 * their LSH band keys and its distinct content stems (src/quality/textSignature.ts). A duplicate check looks up rows sharing a
 * band key through the indexed `bands` field instead of reading every body. Kept up to date by the
 * Articles hooks; written only by the server.
 */
export const ArticleSignatures: CollectionConfig = {
  slug: 'article-signatures',
  admin: { hidden: true, useAsTitle: 'title' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true },
    { name: 'locale', type: 'text', required: true, index: true },
    { name: 'title', type: 'text' },
    { name: 'bands', type: 'text', hasMany: true, index: true },
    { name: 'structure', type: 'json' },
    { name: 'vocabulary', type: 'json' },
    { name: 'text', type: 'json' },
    { name: 'textCount', type: 'number' },
    // Distinct content stems: document frequencies for the title check's word weights.
    { name: 'terms', type: 'text', hasMany: true, index: true },
  ],
}
