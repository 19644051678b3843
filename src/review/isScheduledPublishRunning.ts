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
  // Ids are opaque, but the job input keeps the id as its author wrote it: a string from the
  // admin's schedule drawer, a number from server code on SQLite or PostgreSQL.
  const text = String(id)
  const values: Array<string | number> = /^\d{1,15}$/.test(text) ? [text, Number(text)] : [text]
  const { totalDocs } = await req.payload.db.count({
    collection: 'payload-jobs',
    req,
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { processing: { equals: true } },
        { or: values.map((value) => ({ 'input.doc.value': { equals: value } })) },
        { 'input.doc.relationTo': { equals: 'articles' } },
      ],
    },
  })
  return totalDocs > 0
}
