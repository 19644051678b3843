import { maybeCacheControlFromInfo } from '@apollo/cache-control-types'
import { GraphQLError, type GraphQLResolveInfo } from 'graphql'

import type { Resolvers } from '../graphql/generated/resolvers'
import { JoinRequestError } from './errors'
import { issueFormToken } from './formToken'
import { HONEYPOT_FIELD, minimumFillSeconds } from './settings'
import { submitJoinRequest } from './submit'

const STATUS = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  GROUP_CLOSED: 409,
  NOT_TAKEN_ONLINE: 409,
  RATE_LIMITED: 429,
}

// Neither answer may be cached: a cached token would skip the fill time, a cached result the write.
const noCache = (info: GraphQLResolveInfo) =>
  maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' })

// The client IP once the API's context carries one; until then the API-wide per-IP limit applies.

/** Thin: the rules live in submit.ts; this maps its refusals to GraphQL errors with HTTP codes. */
export const joinRequestResolvers: Resolvers = {
  Query: {
    joinRequestForm: (_, { group }, ctx, info) => {
      noCache(info)
      return {
        token: issueFormToken(ctx.payload.secret, String(group), ctx.now),
        minimumSeconds: minimumFillSeconds(),
        honeypotField: HONEYPOT_FIELD,
      }
    },
  },
  Mutation: {
    requestToJoinGroup: async (_, args, ctx, info) => {
      noCache(info)
      try {
        return await submitJoinRequest(ctx.payload, args, { ip: ctx.ip })
      } catch (err) {
        if (!(err instanceof JoinRequestError)) throw err
        throw new GraphQLError(err.message, {
          extensions: {
            code: err.code,
            http: { status: STATUS[err.code] },
            ...(err.retryAfterSeconds ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
          },
        })
      }
    },
  },
}
