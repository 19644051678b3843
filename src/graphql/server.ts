import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { GraphQLError, type GraphQLFormattedError } from 'graphql'

import { clientErrorOf } from '../http/clientErrorOf'
import type { HavenContext } from './context'
import { costLimitPlugin } from './guards/costLimit'
import { depthLimitRule } from './guards/depthLimitRule'
import { apiLimits, type ApiLimits } from './guards/limits'
import { resolvers } from './resolvers'
import { loadTypeDefs } from './typeDefs'

/** Seconds shared caches (CDN, browser) may keep a public response. */
export function publicMaxAge(): number {
  const value = Number(process.env.HAVEN_API_CACHE_MAX_AGE ?? 30)
  return Number.isInteger(value) && value >= 0 ? value : 30
}

const DEPTH_MESSAGE = /exceeds maximum operation depth of (\d+)/

/** An error this API or graphql raised about the request itself, with the status to answer. */
function clientStatus(error: unknown): number | undefined {
  const http = (error as GraphQLError | undefined)?.extensions?.http as
    { status?: unknown } | undefined
  const status = http?.status
  return typeof status === 'number' && status < 500 ? status : undefined
}

const hasNoCode = (formatted: GraphQLFormattedError) => {
  const code = formatted.extensions?.code
  return !code || code === 'INTERNAL_SERVER_ERROR'
}

// An error from below a resolver that a value in the request caused (a cursor value no column
// can hold, a malformed id), recognised the way REST recognises it.
const causedByRequest = (formatted: GraphQLFormattedError, error: unknown) =>
  hasNoCode(formatted) && clientStatus(error) === undefined ? clientErrorOf(error) : undefined

const isInternal = (formatted: GraphQLFormattedError, error: unknown) =>
  hasNoCode(formatted) && clientStatus(error) === undefined && !clientErrorOf(error)

/**
 * Only errors this API raised on purpose reach the caller as written. Anything unexpected (a
 * database error, a bug) is reduced to a code, because its message could quote stored data; it
 * is logged by `logInternalErrors` through Payload's redacting logger.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const depth = formatted.message.match(DEPTH_MESSAGE)
  if (depth) {
    return {
      message: `Query is too deep: at most ${depth[1]} levels of nested fields are allowed.`,
      locations: formatted.locations,
      extensions: { code: 'QUERY_TOO_DEEP', maxDepth: Number(depth[1]) },
    }
  }
  // Apollo gives errors without a code INTERNAL_SERVER_ERROR, its own 400s included ("provided
  // sha does not match query"); a status says whose mistake it was.
  if (hasNoCode(formatted) && clientStatus(error) !== undefined) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } }
  }
  const client = causedByRequest(formatted, error)
  if (client) {
    return {
      message: client.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT' },
    }
  }
  if (isInternal(formatted, error)) {
    return {
      message: 'Internal server error.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    }
  }
  return formatted
}

/** Internal errors go to Payload's logger, whose serializer drops the values they quote. */
const logInternalErrors: ApolloServerPlugin<HavenContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const formatted = { message: error.message, extensions: error.extensions }
          const client = causedByRequest(formatted, error)
          if (client) {
            // The caller's mistake, found late: a refusal-level line, without SQL or a stack.
            contextValue?.payload?.logger.info(
              { status: client.status },
              `refused: ${client.message}`,
            )
          }
          if (!isInternal(formatted, error)) continue
          contextValue?.payload?.logger.error({
            msg: 'GraphQL internal error',
            path: error.path?.join('.'),
            err: error.originalError ?? error,
          })
        }
      },
    }
  },
}

/** graphql-js can parse a subscription, but this schema has none: say so with a 400. */
const refuseSubscriptions: ApolloServerPlugin<HavenContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return
        throw new GraphQLError('Subscriptions are not supported: use a query.', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        })
      },
    }
  },
}

/** Builds the public API's Apollo server. It never listens: a route or src/cli/api.ts does. */
export function createApolloServer(limits: ApiLimits = apiLimits()) {
  const plugins: ApolloServerPlugin<HavenContext>[] = [
    ApolloServerPluginCacheControl({ defaultMaxAge: publicMaxAge() }),
    refuseSubscriptions,
    costLimitPlugin(limits.maxCost),
    logInternalErrors,
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
    validationRules: [depthLimitRule(limits.maxDepth)],
    formatError,
    plugins,
  })
}
