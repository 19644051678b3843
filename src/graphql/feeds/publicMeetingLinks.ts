import type { Payload } from 'payload'

/**
 * Meeting links that coordinators have marked public, by group id. The one place public code
 * reads the private group: it must override access to see it at all, so the read is kept as
 * narrow as it can be: published groups only, and `select` loads exactly the link and its
 * "public" flag. Links not marked public never leave this function.
 */
export async function publicMeetingLinks(
  payload: Payload,
  groupIds: Array<string | number>,
): Promise<Map<string, string>> {
  if (groupIds.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'support-groups',
    where: { and: [{ id: { in: groupIds } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    depth: 0,
    pagination: false,
    select: { private: { meetingLink: true, meetingLinkIsPublic: true } },
  })
  const links = new Map<string, string>()
  for (const doc of docs) {
    const { meetingLink, meetingLinkIsPublic } = doc.private ?? {}
    if (meetingLinkIsPublic === true && meetingLink && /^https:\/\//i.test(meetingLink)) {
      links.set(String(doc.id), meetingLink)
    }
  }
  return links
}
