import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '../../../src/payload-types'

/** Stamps publishedAt on the first publish so feeds can sort by it. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data?._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
