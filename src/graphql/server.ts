import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import type { GraphQLFormattedError } from 'graphql'
import depthLimit from 'graphql-depth-limit'

import type { HavenContext } from './context'
import { costLimitPlugin } from './guards/costLimit'
import { apiLimits, type ApiLimits } from './guards/limits'
import { resolvers } from './resolvers'
import { loadTypeDefs } from './typeDefs'

/** Seconds shared caches (CDN, browser) may keep a public response. */
export function publicMaxAge(): number {
  const value = Number(process.env.HAVEN_API_CACHE_MAX_AGE ?? 30)
  return Number.isInteger(value) && value >= 0 ? value : 30
}

const DEPTH_MESSAGE = /exceeds maximum operation depth of (\d+)/

/**
 * Only errors this API raised on purpose reach the caller as written. Anything unexpected (a
 * database error, a bug) is reduced to a code, because its message could quote stored data.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code
  const depth = formatted.message.match(DEPTH_MESSAGE)
  if (depth) {
    return {
      message: `Query is too deep: at most ${depth[1]} levels of nested fields are allowed.`,
      locations: formatted.locations,
      extensions: { code: 'QUERY_TOO_DEEP', maxDepth: Number(depth[1]) },
    }
  }
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    console.error('GraphQL internal error:', (error as Error)?.stack ?? error)
    return {
      message: 'Internal server error.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    }
  }
  return formatted
}

/** Builds the public API's Apollo server. It never listens: a route or src/cli/api.ts does. */
export function createApolloServer(limits: ApiLimits = apiLimits()) {
  const plugins: ApolloServerPlugin<HavenContext>[] = [
    ApolloServerPluginCacheControl({ defaultMaxAge: publicMaxAge() }),
    costLimitPlugin(limits.maxCost),
  ]
  if (!limits.introspection) plugins.push(ApolloServerPluginLandingPageDisabled())
  return new ApolloServer<HavenContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: limits.introspection,
    hideSchemaDetailsFromClientErrors: !limits.introspection,
    includeStacktraceInErrorResponses: false,
    // CSRF prevention guards cookie-authenticated APIs; this one reads no cookies and is
    // read-only, and it has to answer plain GETs so a CDN can cache persisted queries.
    csrfPrevention: false,
    validationRules: [depthLimit(limits.maxDepth)],
    formatError,
    plugins,
  })
}
