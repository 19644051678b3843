import { joinRequestResolvers } from '../../joinRequests/resolvers'
import { articleResolvers } from './Article'
import { mediaResolvers } from './Media'
import { DateTime, JSONScalar } from './scalars'
import { searchResolvers } from './Search'
import { supportGroupResolvers } from './SupportGroup'
import { topicResolvers } from './Topic'
import type { ResolverMap } from './types'

export const API_VERSION = '1'

const base: ResolverMap = { Query: { apiVersion: () => API_VERSION } }

/** Merges resolver maps type by type; a field defined twice is a mistake worth failing on. */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {}
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] ??= {}
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in merged[type]) throw new Error(`Resolver ${type}.${field} is defined twice`)
        merged[type][field] = resolver
      }
    }
  }
  return merged
}

/** Every resolver of the public API. A feature adds its map to this list. */
export const resolvers = {
  ...mergeResolvers(
    base,
    articleResolvers,
    topicResolvers,
    supportGroupResolvers,
    mediaResolvers,
    searchResolvers,
    joinRequestResolvers,
  ),
  DateTime,
  JSON: JSONScalar,
}
