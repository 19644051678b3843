import type { PayloadRequest } from 'payload'

/**
 * Payload's scheduled-publish task saves with no request context of ours, and with no user when
 * the schedule was made by server code; a job of that task being processed for this article is
 * how the workflow tells such a save from a trusted seed or import.
 */
export async function isScheduledPublishRunning(
  req: PayloadRequest,
  id: string | number | undefined,
): Promise<boolean> {
  if (id === undefined || !req.payload.collections['payload-jobs']) return false
  const { totalDocs } = await req.payload.db.count({
    collection: 'payload-jobs',
    req,
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { processing: { equals: true } },
        { 'input.doc.value': { equals: String(id) } },
        { 'input.doc.relationTo': { equals: 'articles' } },
      ],
    },
  })
  return totalDocs > 0
}
