import { defaultLoggerOptions } from 'payload'
import type { DestinationStream, LoggerOptions } from 'pino'

import { isProduction } from '../config/secrets'
import { clientErrorOf } from '../http/clientErrorOf'
import { errorForLog, redactErrorMessage } from './errorForLog'

const anyDepth = (path: string) => [path, `*.${path}`, `*.*.${path}`]

/**
 * Log paths whose values are never written: credentials, support groups' private fields,
 * join-request content, request bodies and GraphQL variables (where a join request travels).
 * pino removes them before a line is serialised, whatever the destination.
 */
export const REDACT_PATHS = [
  ...anyDepth('authorization'),
  ...anyDepth('cookie'),
  ...anyDepth('password'),
  ...anyDepth('private'),
  ...anyDepth('facilitatorContact'),
  ...anyDepth('sealed'),
  ...anyDepth('contact'),
  ...anyDepth('variables'),
  ...anyDepth('body'),
  ...['data', 'doc', 'input', 'args', 'joinRequest'].flatMap((root) =>
    ['name', 'message'].map((field) => `${root}.${field}`),
  ),
  'req.headers',
  // An error's data can quote the values that failed validation (a draft's text, a finding).
  'err.data',
]

const ERROR_LEVEL = 50

/**
 * The refusal an error-level line reports, when it is one: an error carrying a 4xx status (a rule
 * said no, a bad argument, a stale form), or one a request's content caused (see clientErrorOf).
 * Payload picks the level of such errors by class name (`loggingLevels` in payload.config.ts),
 * but a production build minifies class names, so the status is what decides here.
 */
export function expectedRefusal(arg: unknown): { status: number; message: string } | null {
  const err =
    arg instanceof Error
      ? arg
      : arg && typeof arg === 'object'
        ? (arg as { err?: unknown }).err
        : null
  if (!(err instanceof Error)) return null
  const status = (err as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: redactErrorMessage(err.message) }
  }
  // What a request's content broke below Payload (malformed multipart, invalid JSON, a value no
  // column can hold) is answered with a 400 by the afterError hook, but Payload's route handler
  // logs it first, as a bare `{ err }`. Haven's own lines (jobs, the webhook worker) always say
  // what failed, so a database error in the background keeps its error level.
  const bare = arg === err || Object.keys(arg as object).join() === 'err'
  const client = bare ? clientErrorOf(err) : undefined
  return client ? { status: client.status, message: client.message } : null
}

export function loggerOptions(): LoggerOptions {
  return {
    level: process.env.LOG_LEVEL || 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Every logged error loses the request values its message quotes (see errorForLog).
    serializers: { err: errorForLog, error: errorForLog },
    hooks: {
      // An expected refusal logged as an error becomes one info line: message and status, no
      // stack, nothing else from the error.
      logMethod(args, method, level) {
        const refusal = level >= ERROR_LEVEL ? expectedRefusal(args[0]) : null
        if (refusal) return this.info({ status: refusal.status }, `refused: ${refusal.message}`)
        return method.apply(this, args)
      },
    },
  }
}

/** Payload's `logger` setting: JSON lines in production, Payload's pretty output in development. */
export function loggerConfig(): { options: LoggerOptions; destination?: DestinationStream } {
  return isProduction()
    ? { options: loggerOptions() }
    : { options: loggerOptions(), destination: defaultLoggerOptions }
}
