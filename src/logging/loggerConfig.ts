import { defaultLoggerOptions } from 'payload'
import type { DestinationStream, LoggerOptions } from 'pino'

import { isProduction } from '../config/secrets'
import { errorForLog } from './errorForLog'

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

export function loggerOptions(): LoggerOptions {
  return {
    level: process.env.LOG_LEVEL || 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Every logged error loses the request values its message quotes (see errorForLog).
    serializers: { err: errorForLog, error: errorForLog },
  }
}

/** Payload's `logger` setting: JSON lines in production, Payload's pretty output in development. */
export function loggerConfig(): { options: LoggerOptions; destination?: DestinationStream } {
  return isProduction()
    ? { options: loggerOptions() }
    : { options: loggerOptions(), destination: defaultLoggerOptions }
}
