import type { GraphQLResolveInfo } from 'graphql'

import type { HavenContext } from '../context'

// Parent and argument types are checked inside each resolver; the map itself stays loose so
// feature folders can merge their own resolvers in without a code generator.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Resolver = (
  parent: any,
  args: any,
  ctx: HavenContext,
  info: GraphQLResolveInfo,
) => unknown

export type ResolverMap = Record<string, Record<string, Resolver | string | number>>
