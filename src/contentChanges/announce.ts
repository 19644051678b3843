import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'
import { readFlag } from '../lib/requestFlags'

import { deleteReasonFor } from '../contentDeletion'
import { isLive } from '../lib/isLive'
import type { ContentChange, ContentChangeListener } from './types'

type Doc = { id?: string | number; slug?: string | null; _status?: string | null }

/**
 * The hooks that classify each save into publish / unpublish / update / delete of public content
 * and hand it to `listeners`, in order, inside the save's transaction (so a listener that writes,
 * like the webhook outbox, commits or rolls back with the content).
 */
export function announcers(listeners: ContentChangeListener[]) {
  async function notify(change: ContentChange, req: PayloadRequest): Promise<void> {
    if (readFlag(req, 'skipContentChange')) return
    for (const listener of listeners) await listener(change, req)
  }

  const announceChange: CollectionAfterChangeHook = async ({
    collection,
    doc,
    previousDoc,
    operation,
    req,
  }) => {
    const versioned = Boolean(collection.versions?.drafts)
    const base = {
      collection: collection.slug,
      id: String(doc.id),
      slug: doc.slug ?? undefined,
      locale: req.locale ?? undefined,
    }
    if (!versioned) {
      await notify({ ...base, operation: operation === 'create' ? 'publish' : 'update' }, req)
      return doc
    }
    const now = (doc as Doc)._status
    const before = operation === 'create' ? undefined : (previousDoc as Doc | undefined)?._status
    if (now === 'published') {
      await notify({ ...base, operation: before === 'published' ? 'update' : 'publish' }, req)
    } else {
      // With a pending draft the previous document is that draft, so the unpublish endpoint's
      // marker is what says the live version was taken down.
      const explicit = String(readFlag(req, 'havenUnpublish') ?? '') === String(doc.id)
      if ((before === 'published' || explicit) && !(await isLive(req, collection.slug, doc.id))) {
        const reason = explicit ? String(readFlag(req, 'havenUnpublishReason') ?? '') : undefined
        await notify({ ...base, operation: 'unpublish', ...(reason ? { reason } : {}) }, req)
      }
    }
    return doc
  }

  const announceDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
    const versioned = Boolean(collection.versions?.drafts)
    if (versioned && (doc as Doc)._status !== 'published') return doc
    // Given through the delete endpoint, which a document the public has seen requires.
    const reason = deleteReasonFor(req, doc.id)
    await notify(
      {
        collection: collection.slug,
        id: String(doc.id),
        slug: doc.slug ?? undefined,
        locale: req.locale ?? undefined,
        operation: 'delete',
        ...(reason ? { reason } : {}),
      },
      req,
    )
    return doc
  }

  const announceGlobalChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
    // A draft of a versioned global changes nothing the public sees; its publish does.
    if ((doc as Doc)._status === 'draft') return doc
    await notify(
      {
        collection: global.slug,
        id: global.slug,
        locale: req.locale ?? undefined,
        operation: 'update',
      },
      req,
    )
    return doc
  }

  return { announceChange, announceDelete, announceGlobalChange }
}
