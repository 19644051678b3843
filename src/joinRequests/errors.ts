export type JoinRequestErrorCode =
  'BAD_USER_INPUT' | 'RATE_LIMITED' | 'NOT_FOUND' | 'GROUP_CLOSED' | 'NOT_TAKEN_ONLINE'

/**
 * A refusal the person sending the form can act on. Its message never quotes what they sent:
 * errors end up in logs and monitoring, and the request content must not.
 */
export class JoinRequestError extends Error {
  constructor(
    readonly code: JoinRequestErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}
