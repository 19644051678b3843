import { Writable } from 'node:stream'

import { APIError, ValidationError } from 'payload'
import pino from 'pino'

import { loggerOptions } from '../../src/logging/loggerConfig'

function capture() {
  const lines: Array<Record<string, unknown>> = []
  const logger = pino(
    loggerOptions(),
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)))
        done()
      },
    }),
  )
  return { logger, lines }
}

describe('the logger', () => {
  it('writes a refused save (a 4xx) logged as an error as one info line without a stack', () => {
    const { logger, lines } = capture()
    const refused = new ValidationError({
      collection: 'articles',
      errors: [{ path: 'review.status', message: 'Only approved content can be published.' }],
    })
    // A production build minifies class names, so Payload's by-name log levels miss this error.
    refused.name = 's'
    logger.error({ err: refused })
    logger.error(new APIError('You are not allowed to do this.', 403))
    expect(lines.map((l) => l.level)).toEqual([30, 30])
    expect(lines[0].msg).toMatch(/^refused: .*review\.status|^refused: The following field/)
    expect(lines[1]).toMatchObject({ status: 403, msg: 'refused: You are not allowed to do this.' })
    expect(JSON.stringify(lines)).not.toMatch(/stack|\bat /)
  })

  it('keeps internal errors at error level with their frames', () => {
    const { logger, lines } = capture()
    logger.error({ err: new APIError('database went away', 500) })
    logger.error({ err: new Error('boom') })
    expect(lines.map((l) => l.level)).toEqual([50, 50])
    expect((lines[1].err as { stack?: string }).stack).toMatch(/^\s+at /)
  })
})
