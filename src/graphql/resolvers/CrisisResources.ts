import { findCrisisResources } from '../content/crisisResources'
import type { Resolvers } from '../generated/resolvers'

export const crisisResourcesResolvers: Resolvers = {
  Query: {
    crisisResources: (_, args, ctx) => findCrisisResources(ctx, args),
  },
}
