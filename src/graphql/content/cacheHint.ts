import type { GraphQLResolveInfo } from 'graphql'

type CacheHint = { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }
type WithCacheControl = { cacheControl?: { setCacheHint(hint: CacheHint): void } }

/** Sets an Apollo cache hint; a no-op when the cache-control plugin is not installed. */
export function setCacheHint(info: GraphQLResolveInfo, hint: CacheHint): void {
  ;(info as unknown as WithCacheControl).cacheControl?.setCacheHint(hint)
}
