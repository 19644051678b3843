import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Deleting an endpoint deletes its deliveries, in the same transaction. A delivery cannot exist
 * without its endpoint (the column is NOT NULL on SQL, and the log is read from the endpoint's
 * page), and none could be sent or redelivered without it. An admin who wants to keep the log
 * turns the endpoint off (Active) instead; finished deliveries are pruned after the retention
 * period either way.
 */
export const deleteDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'webhook-deliveries',
    where: { endpoint: { equals: id } },
    overrideAccess: true,
    depth: 0,
    req,
  })
}
