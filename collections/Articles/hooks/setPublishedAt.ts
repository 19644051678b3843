import type { CollectionBeforeChangeHook } from 'payload'

/** Stamps publishedAt on the first publish so feeds can sort by it. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data?._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
