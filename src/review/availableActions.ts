import { idOf } from '../lib/ids'

export type WorkflowButton = 'submit' | 'approve' | 'request-changes' | 'publish' | 'unpublish'
type Review = { status?: string | null; editedBy?: unknown; submittedBy?: unknown }
export type WorkflowDoc = { author?: unknown; review?: Review | null; _status?: string | null }

/** Which buttons this user sees, from the saved article; the server decides again on click. */
export function availableActions(
  doc: WorkflowDoc,
  user: { id: unknown; roles?: string[] | null } | null,
  live: boolean,
) {
  const roles = user?.roles ?? []
  const reviewer = roles.includes('reviewer') || roles.includes('admin')
  const writer = reviewer || roles.includes('editor')
  const status = doc.review?.status ?? 'draft'
  const me = idOf(user?.id)
  const wrote = me !== null && (idOf(doc.author) === me || idOf(doc.review?.editedBy) === me)
  const actions: WorkflowButton[] = []
  if (writer && (status === 'draft' || status === 'changes-requested')) actions.push('submit')
  if (reviewer && !wrote && status === 'in-review') actions.push('approve')
  if (reviewer && (status === 'in-review' || status === 'approved')) actions.push('request-changes')
  if (writer && status === 'approved' && doc._status !== 'published') actions.push('publish')
  if (writer && live) actions.push('unpublish')
  return actions
}
