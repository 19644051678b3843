import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { payloadSecret } from '../../src/config/secrets'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('PAYLOAD_SECRET', () => {
  it('is refused in production when unset, short or an example value', () => {
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    for (const value of [undefined, '', 'changeme', 'short-secret']) {
      if (value === undefined) delete process.env.PAYLOAD_SECRET
      else process.env.PAYLOAD_SECRET = value
      expect(() => payloadSecret()).toThrow(/PAYLOAD_SECRET must be set/)
    }
  })

  it('accepts a real secret in production', () => {
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    process.env.PAYLOAD_SECRET = 'a'.repeat(16) + 'b'.repeat(16)
    expect(payloadSecret()).toBe(process.env.PAYLOAD_SECRET)
  })

  it('is generated once and reused in development', () => {
    ;(process.env as Record<string, string>).NODE_ENV = 'development'
    delete process.env.PAYLOAD_SECRET
    process.env.HAVEN_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-secret-'))
    const first = payloadSecret()
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(payloadSecret()).toBe(first)
    fs.rmSync(process.env.HAVEN_DATA_DIR, { recursive: true })
  })
})
