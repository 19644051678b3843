import {
  assertAddressAllowed,
  assertWebhookTarget,
  isPrivateAddress,
  parseWebhookUrl,
  WebhookUrlError,
} from '../../src/webhooks/urlGuard'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('address classification', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
  ])('%s is private', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true)
  })

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false)
    },
  )
})

describe('target policy', () => {
  beforeEach(() => {
    Object.assign(process.env, { NODE_ENV: 'production' })
    delete process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE
    delete process.env.HAVEN_WEBHOOK_ALLOW_HOSTS
  })

  it('accepts only http(s) without credentials', () => {
    expect(() => parseWebhookUrl('ftp://example.com/x')).toThrow(/http/)
    expect(() => parseWebhookUrl('javascript:alert(1)')).toThrow(WebhookUrlError)
    expect(() => parseWebhookUrl('not a url')).toThrow(/full address/)
    expect(() => parseWebhookUrl('https://user:pw@example.com/')).toThrow(/header/)
    expect(parseWebhookUrl('https://example.com/hook').hostname).toBe('example.com')
  })

  it('refuses loopback and private targets outside development', async () => {
    await expect(assertWebhookTarget('http://127.0.0.1:3000/')).rejects.toThrow(/loopback, private/)
    await expect(assertWebhookTarget('http://[::1]/')).rejects.toThrow(WebhookUrlError)
    await expect(assertWebhookTarget('http://localhost/')).rejects.toThrow(WebhookUrlError)
    expect(() => assertAddressAllowed('metadata', '169.254.169.254')).toThrow(WebhookUrlError)
  })

  it('allows them when configuration says so', async () => {
    process.env.HAVEN_WEBHOOK_ALLOW_HOSTS = 'builder.internal, 10.0.0.0/8'
    expect(() => assertAddressAllowed('builder.internal', '192.168.1.5')).not.toThrow()
    expect(() => assertAddressAllowed('other.internal', '10.9.8.7')).not.toThrow()
    expect(() => assertAddressAllowed('other.internal', '192.168.1.5')).toThrow(WebhookUrlError)
    process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE = 'true'
    await expect(assertWebhookTarget('http://127.0.0.1:3000/')).resolves.toBeInstanceOf(URL)
  })
})
