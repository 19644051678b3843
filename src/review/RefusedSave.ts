import { APIError } from 'payload'

/**
 * A save refused on purpose (a stale form, a plain save that would take content offline): a 4xx
 * with a message for the person saving. Logged at info without a stack (payload.config.ts
 * loggingLevels), because nothing is broken.
 */
export class RefusedSave extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, null, true)
    // Set explicitly: a production build may rename the class, and the log level keys on it.
    this.name = 'RefusedSave'
  }
}
