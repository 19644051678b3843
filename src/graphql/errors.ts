import { GraphQLError } from 'graphql'

/** A caller mistake: reported as HTTP 400 with a message that says how to fix it. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  })
}

/** A preview token that is missing, forged, expired or for another document. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  })
}
