import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * Join-form tokens already spent, so each form can be sent once. Without Redis several server
 * processes share nothing but the database, and its unique index makes "first use wins" atomic
 * across them. Rows are deleted once the token would have expired anyway. Only server code
 * (src/joinRequests/spendFormToken.ts) reads or writes them.
 */
export const UsedFormTokens: CollectionConfig = {
  slug: 'used-form-tokens',
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'tokenId', type: 'text', required: true, unique: true, index: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
