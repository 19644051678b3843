import { cacheVersion, changeOpen } from '../cache/responseCache'
import type { Locale } from '../locale'
import type { TopicIndex } from './topicIndex'

type Entry = { version: number; index: Promise<TopicIndex> }

// Process-wide (Next may bundle this module twice), like the response cache it follows.
const KEY = Symbol.for('haven.graphql.topicTrees')
const holder = globalThis as typeof globalThis & { [KEY]?: Map<Locale, Entry> }
const trees: Map<Locale, Entry> = (holder[KEY] ??= new Map())

/**
 * The topic tree, shared by every request until the content version moves. Every topic save or
 * delete announces a change, and every change (local, from Redis, from a sibling worker, or seen
 * by the content check) bumps the response cache's version, so the next request after a change
 * reads the tree again: topics are public, a few dozen rows, and otherwise re-read by every
 * uncached request, which made them the largest share of a cache miss.
 *
 * The same rule as the response cache: nothing read while a change is open is kept (it may be
 * from before the commit), and a tree whose version moved while it loaded is not kept either.
 */
export function cachedTopicIndex(locale: Locale, load: () => Promise<TopicIndex>) {
  if (changeOpen()) return load()
  const version = cacheVersion()
  const entry = trees.get(locale)
  if (entry && entry.version === version) return entry.index
  const index = load()
  trees.set(locale, { version, index })
  const forget = () => {
    if (trees.get(locale)?.index === index) trees.delete(locale)
  }
  index.then(() => {
    if (cacheVersion() !== version || changeOpen()) forget()
  }, forget) // a failed read is not kept: the next request tries again
  return index
}
