import { findCrisisResources } from '../content/crisisResources'
import { searchContent } from '../content/search'
import type { ResolverMap } from './types'

export const searchResolvers: ResolverMap = {
  Query: {
    search: (_, args, ctx) => searchContent(ctx, args),
    crisisResources: (_, args, ctx) => findCrisisResources(ctx, args),
  },
  SearchResult: {
    __resolveType: (doc: { __typename: string }) => doc.__typename,
  },
}
