import { sendAttempt } from '../../src/webhooks/send'
import {
  assertAddressAllowed,
  assertWebhookTarget,
  isPrivateAddress,
  parseWebhookUrl,
  WebhookUrlError,
} from '../../src/webhooks/urlGuard'
import { startReceiver, type Receiver } from '../helpers/receiver'

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
    // IPv4-compatible, SIIT, NAT64, 6to4 and Teredo forms of loopback, private and metadata IPv4.
    '::127.0.0.1',
    '::7f00:1',
    '::a9fe:a9fe',
    '::ffff:0:7f00:1',
    '64:ff9b::127.0.0.1',
    '64:ff9b:1::a00:1',
    '2002:a9fe:a9fe::1',
    '2002:7f00:1::',
    '2002:c0a8:101:1::1',
    '2001:0:7f00:1::1',
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
    // Ranges the old hand list missed: documentation, benchmarking, site-local, broadcast.
    '192.0.2.1',
    '198.51.100.7',
    '255.255.255.255',
    '2001:db8::1',
    'fec0::1',
    'not-an-ip',
  ])('%s is private', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true)
  })

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    // Teredo whose server (65.54.227.120) and inverted client (8.8.8.8) are both public.
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
  ])('%s is public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false)
  })
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

  it.each([
    'http://[::127.0.0.1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
  ])('refuses %s, an IPv6 literal carrying a private IPv4, when saved', async (url) => {
    await expect(assertWebhookTarget(url)).rejects.toThrow(/loopback, private/)
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

describe('connect time', () => {
  let receiver: Receiver
  beforeAll(async () => {
    receiver = await startReceiver()
  })
  afterAll(async () => receiver.close())
  beforeEach(() => {
    Object.assign(process.env, { NODE_ENV: 'production' })
    delete process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE
    delete process.env.HAVEN_WEBHOOK_ALLOW_HOSTS
  })

  it('refuses an IPv4-mapped literal of the loopback receiver without sending anything', async () => {
    const port = new URL(receiver.url()).port
    const target = `http://[::ffff:127.0.0.1]:${port}/mapped`
    // The path is real: allowed, the mapped form reaches the IPv4 receiver.
    process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE = 'true'
    expect((await sendAttempt(target, {}, '{}')).verdict).toBe('delivered')
    expect(receiver.to('/mapped')).toHaveLength(1)
    delete process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE
    const refused = await sendAttempt(target, {}, '{}')
    expect(refused).toMatchObject({ verdict: 'failed', error: expect.stringMatching(/loopback/) })
    expect(receiver.to('/mapped')).toHaveLength(1)
  })

  it.each(['http://[::127.0.0.1]/', 'http://[2002:a9fe:a9fe::1]/', 'http://[64:ff9b::7f00:1]/'])(
    'refuses %s at delivery',
    async (target) => {
      const outcome = await sendAttempt(target, {}, '{}')
      expect(outcome).toMatchObject({ verdict: 'failed', error: expect.stringMatching(/private/) })
    },
  )
})
