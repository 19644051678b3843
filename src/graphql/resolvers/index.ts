import { joinRequestResolvers } from '../../joinRequests/resolvers'
import type { Resolvers } from '../generated/resolvers'
import { articleResolvers } from './Article'
import { crisisResourcesResolvers } from './CrisisResources'
import { mediaResolvers } from './Media'
import { DateTime, JSONScalar } from './scalars'
import { searchResolvers } from './Search'
import { supportGroupResolvers } from './SupportGroup'
import { topicResolvers } from './Topic'

export const API_VERSION = '1'

const base: Resolvers = { Query: { apiVersion: () => API_VERSION } }

// Merging goes field by field, which the per-type resolver types cannot follow; every map was
// checked against them on its own, and merging only puts their fields side by side.
type FieldMaps = Record<string, Record<string, unknown>>

/** Merges resolver maps type by type; a field defined twice is a mistake worth failing on. */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: FieldMaps = {}
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map as FieldMaps)) {
      merged[type] ??= {}
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in merged[type]) throw new Error(`Resolver ${type}.${field} is defined twice`)
        merged[type][field] = resolver
      }
    }
  }
  return merged as Resolvers
}

/** Every resolver of the public API. A feature adds its map to this list. */
export const resolvers: Resolvers = {
  ...mergeResolvers(
    base,
    articleResolvers,
    topicResolvers,
    supportGroupResolvers,
    mediaResolvers,
    searchResolvers,
    crisisResourcesResolvers,
    joinRequestResolvers,
  ),
  DateTime,
  JSON: JSONScalar,
}
