import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { refusalMessage } from '../../../src/review'
import type { ReviewState, ReviewStatus } from '../../../src/review'

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'request-changes', 'publish'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

const MAX_NOTE = 2000

const DONE: Record<WorkflowAction, string> = {
  submit: 'Submitted for review. Reviewers have been told.',
  approve: 'Approved. The author has been told.',
  'request-changes': 'Changes requested. The author has been told.',
  publish: 'Published.',
}

const fail = (status: number, error: string) => Response.json({ error }, { status })

type Stored = { id: string | number; _status?: string | null; review?: ReviewState | null }

async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | null> {
  try {
    const body = req.json ? await req.json() : null
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** Refusals that do not depend on who asks: the article is not in a state the action applies to. */
function stateRefusal(action: WorkflowAction, status: ReviewStatus): string | null {
  if (action === 'submit' && status === 'in-review') return 'It is already waiting for review.'
  if (action === 'submit' && status === 'approved')
    return 'It is already approved; there is nothing new to review.'
  if (action === 'approve' && status === 'approved') return 'It is already approved.'
  if (action === 'request-changes' && (status === 'draft' || status === 'changes-requested'))
    return 'It is not waiting for review.'
  return null
}

/**
 * POST /api/articles/:id/workflow { action, note? }: the review buttons of the edit view. Each
 * action is an ordinary save of the changed fields through the Local API as the signed-in user,
 * so the collection's access rules and the review workflow hook decide, exactly as for any other
 * save; a refusal comes back as a 4xx whose `error` is the rule's own words.
 */
export const workflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, 'Sign in to change the review status.')
    const body = await readBody(req)
    if (!body) return fail(400, 'Send a JSON object such as { "action": "submit" }.')
    const action = body.action as WorkflowAction
    if (!WORKFLOW_ACTIONS.includes(action))
      return fail(400, `Unknown action. Use one of: ${WORKFLOW_ACTIONS.join(', ')}.`)
    if (body.note != null && typeof body.note !== 'string') return fail(400, 'note must be text.')
    const note = typeof body.note === 'string' ? body.note.trim() : ''
    if (note.length > MAX_NOTE) return fail(400, `Keep the note under ${MAX_NOTE} characters.`)
    if (action === 'request-changes' && !note)
      return fail(400, 'Say what needs to change: the note goes to the author.')

    const id = String(req.routeParams?.id ?? '')
    let stored: Stored | null
    try {
      stored = (await req.payload.findByID({
        collection: 'articles',
        id,
        draft: true,
        depth: 0,
        user: req.user,
        overrideAccess: false,
        disableErrors: true,
        select: { review: true, _status: true },
        req,
      })) as Stored | null
    } catch {
      stored = null // a malformed id is as unknown as a missing one
    }
    if (!stored) return fail(404, `No article with id ${id}.`)
    const status = (stored.review?.status ?? 'draft') as ReviewStatus
    const refusal = stateRefusal(action, status)
    if (refusal) return fail(409, refusal)

    const review: Record<string, unknown> | undefined =
      action === 'submit'
        ? { status: 'in-review' }
        : action === 'approve'
          ? { status: 'approved', ...(note ? { note } : {}) }
          : action === 'request-changes'
            ? { status: 'changes-requested', note }
            : undefined
    try {
      const doc = (await req.payload.update({
        collection: 'articles',
        id: stored.id,
        data: (review ? { review } : { _status: 'published' }) as never,
        draft: action !== 'publish',
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })) as unknown as Stored
      return Response.json({
        message: DONE[action],
        doc: { id: doc.id, _status: doc._status, review: { status: doc.review?.status } },
      })
    } catch (err) {
      if (!(err instanceof APIError) || err.status >= 500) throw err
      // Expected: a rule said no. Logged without the error object (no stack, no field values).
      req.payload.logger.info({ msg: 'workflow action refused', action, article: stored.id })
      return fail(err.status === 400 ? 422 : err.status, refusalMessage(err))
    }
  },
}
