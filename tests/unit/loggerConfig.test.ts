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

  it('writes what a request broke below Payload as an info line without SQL or a stack', () => {
    const { logger, lines } = capture()
    // How Payload's route handler logs them: a bare { err }, before Haven's hook answers 400.
    logger.error({ err: new Error('Unexpected end of form') })
    const data = Object.assign(new Error('Failed query: select "id" from "articles" where $1'), {
      cause: Object.assign(new Error('invalid input syntax for type timestamp'), { code: '22007' }),
    })
    logger.error({ err: data })
    expect(lines.map((l) => l.level)).toEqual([30, 30])
    expect(lines.map((l) => l.msg)).toEqual([
      'refused: The multipart body is malformed: Unexpected end of form.',
      expect.stringMatching(/^refused: A value in the request does not fit its field/),
    ])
    expect(JSON.stringify(lines)).not.toMatch(/stack|\bat |select|Failed query/)
  })

  it('keeps a database error that a line says came from background work at error level', () => {
    const { logger, lines } = capture()
    const data = Object.assign(new Error('bad value'), { code: '22007' })
    logger.error({ msg: 'webhook worker pass failed', err: data })
    expect(lines.map((l) => l.level)).toEqual([50])
  })

  it('keeps internal errors at error level with their frames', () => {
    const { logger, lines } = capture()
    logger.error({ err: new APIError('database went away', 500) })
    logger.error({ err: new Error('boom') })
    expect(lines.map((l) => l.level)).toEqual([50, 50])
    expect((lines[1].err as { stack?: string }).stack).toMatch(/^\s+at /)
  })
})
