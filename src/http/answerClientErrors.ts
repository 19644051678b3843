import type { AfterErrorHook } from 'payload'

import { clientErrorOf } from './clientErrorOf'

/**
 * Payload's `afterError` hook: an error Payload caught and would answer with a 500, but that a
 * request's content caused (see clientErrorOf), is answered with that 4xx and its message.
 * Errors it does not recognise keep their 500 and Payload's generic message.
 */
export const answerClientErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  const client = clientErrorOf(error)
  if (!client) return
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: client.message,
        extensions: { ...graphqlResult.extensions, statusCode: client.status },
      },
    }
  }
  return { status: client.status, response: { errors: [{ message: client.message }] } }
}
