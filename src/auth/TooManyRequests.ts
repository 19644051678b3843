import { APIError } from 'payload'

/**
 * A throttled request: 429 with a message for the caller. Its own name lets payload.config.ts log
 * it at info without a stack trace, as the expected refusal it is.
 */
export class TooManyRequests extends APIError {
  constructor(message: string) {
    super(message, 429, undefined, true)
    this.name = 'TooManyRequests'
  }
}
