import { searchContent } from '../content/search'
import type { Resolvers } from '../generated/resolvers'

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, args, ctx) => searchContent(ctx, args),
  },
  SearchResult: {
    __resolveType: (doc) => doc.__typename,
  },
}
