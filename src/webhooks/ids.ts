import crypto from 'node:crypto'

/** A webhook-id: unique per message, reused by every retry and redelivery of it. */
export const newWebhookId = () => `msg_${crypto.randomUUID().replaceAll('-', '')}`

/** A fresh optimistic-claim token; whoever swaps a row's token first owns the row. */
export const newClaimToken = () => crypto.randomBytes(12).toString('base64url')

/** An array-row id in the shape Payload generates for array items (24 hex characters). */
export const newRowId = () => crypto.randomBytes(12).toString('hex')
