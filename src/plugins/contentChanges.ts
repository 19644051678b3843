import type { CollectionSlug, GlobalSlug, Plugin } from 'payload'

import { recordContentAudit } from '../audit/recordContentAudit'
import { announcers } from '../contentChanges/announce'
import type { ContentChangeListener } from '../contentChanges/types'
import { invalidateOnChange } from '../graphql/cache/invalidateOnChange'
import { recordWebhookChange } from '../webhooks'

type Options = {
  /** Collections whose saves and deletes change what the public sees. */
  collections: CollectionSlug[]
  /** Globals whose published saves change what the public sees. */
  globals: GlobalSlug[]
}

/**
 * What happens when public content changes, in order: the webhook outbox row is written, the
 * public API's response cache is invalidated, and the change goes into the audit log. All three
 * run inside the content save's transaction.
 */
export const CONTENT_CHANGE_LISTENERS: Record<string, ContentChangeListener> = {
  outbox: recordWebhookChange,
  cache: invalidateOnChange,
  audit: recordContentAudit,
}

/**
 * Adds the change announcement (src/contentChanges/announce.ts) to the collections and globals it
 * is given, ahead of their own after-change hooks, and hands each change to the listeners above.
 */
export function contentChanges({ collections, globals }: Options): Plugin {
  const { announceChange, announceDelete, announceGlobalChange } = announcers(
    Object.values(CONTENT_CHANGE_LISTENERS),
  )
  return (config) => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collections.includes(collection.slug as CollectionSlug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [announceChange, ...(collection.hooks?.afterChange ?? [])],
              afterDelete: [announceDelete, ...(collection.hooks?.afterDelete ?? [])],
            },
          }
        : collection,
    ),
    globals: (config.globals ?? []).map((global) =>
      globals.includes(global.slug as GlobalSlug)
        ? {
            ...global,
            hooks: {
              ...global.hooks,
              afterChange: [announceGlobalChange, ...(global.hooks?.afterChange ?? [])],
            },
          }
        : global,
    ),
  })
}
