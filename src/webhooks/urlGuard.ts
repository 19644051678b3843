import dns from 'node:dns'
import net from 'node:net'

import ipaddr from 'ipaddr.js'

/** A webhook target Haven refuses to call; the message is shown to the admin as is. */
export class WebhookUrlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookUrlError'
  }
}

/**
 * The IPv4 addresses an IPv6 address carries inside it, in every form a router or the host's own
 * stack may turn back into IPv4: IPv4-mapped and SIIT (::ffff:a.b.c.d, ::ffff:0:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002:AABB:CCDD::) and Teredo (server in
 * bits 32-63, client inverted in the last 32 bits). Empty when it carries none.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const parts = address.parts
  const fromWords = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255])
  const last32 = () => fromWords(parts[6], parts[7])
  if (parts.slice(0, 6).every((word) => word === 0)) return [last32()]
  const range = address.range()
  if (range === 'ipv4Mapped' || range === 'rfc6145') return [last32()]
  if (address.match(ipaddr.IPv6.parse('64:ff9b::'), 96)) return [last32()]
  if (range === '6to4') return [fromWords(parts[1], parts[2])]
  if (range === 'teredo')
    return [fromWords(parts[2], parts[3]), fromWords(parts[6] ^ 0xffff, parts[7] ^ 0xffff)]
  return []
}

/**
 * True for addresses a webhook must not reach unless explicitly allowed: anything ipaddr.js does
 * not classify as plain global unicast (loopback, private, link-local, carrier-grade NAT,
 * multicast, documentation, benchmarking, reserved ...), and any IPv6 form whose embedded IPv4
 * address is one of those.
 */
export function isPrivateAddress(ip: string): boolean {
  if (net.isIP(ip) === 0 || !ipaddr.isValid(ip)) return true
  const address = ipaddr.parse(ip)
  if (address.kind() === 'ipv4') return address.range() !== 'unicast'
  const embedded = embeddedIPv4(address as ipaddr.IPv6)
  if (embedded.length > 0) return embedded.some((v4) => v4.range() !== 'unicast')
  return address.range() !== 'unicast'
}

function allowList(): string[] {
  return (process.env.HAVEN_WEBHOOK_ALLOW_HOSTS ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
}

function inAllowList(hostname: string, ip?: string): boolean {
  return allowList().some((entry) => {
    if (entry === hostname.toLowerCase()) return true
    if (!ip) return false
    const [address, prefix] = entry.split('/')
    const family = net.isIP(address)
    if (family === 0 || net.isIP(ip) !== family) return false
    const list = new net.BlockList()
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
    return list.check(ip, type)
  })
}

/** Private targets are fine on a developer's machine and when configuration says so. */
export function privateTargetsAllowed(): boolean {
  return (
    process.env.NODE_ENV === 'development' || process.env.HAVEN_WEBHOOK_ALLOW_PRIVATE === 'true'
  )
}

export function assertAddressAllowed(hostname: string, ip: string): void {
  if (!isPrivateAddress(ip) || privateTargetsAllowed() || inAllowList(hostname, ip)) return
  throw new WebhookUrlError(
    `${hostname} resolves to ${ip}, a loopback, private or link-local address. ` +
      'Set HAVEN_WEBHOOK_ALLOW_PRIVATE=true or list it in HAVEN_WEBHOOK_ALLOW_HOSTS to allow it.',
  )
}

/** Parses a target URL; only http(s) without embedded credentials is accepted. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new WebhookUrlError('Enter a full address such as https://example.com/hooks/haven.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookUrlError('Webhook addresses must start with http:// or https://.')
  }
  if (url.username || url.password) {
    throw new WebhookUrlError('Put credentials in a header, not in the address.')
  }
  return url
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/**
 * Checks a URL and every address its host resolves to. Used when an endpoint is saved; each
 * delivery checks again at connect time (guardedLookup), so a DNS change cannot slip past.
 * A name that does not resolve now is accepted: delivery will check it when it does.
 */
export async function assertWebhookTarget(raw: string): Promise<URL> {
  const url = parseWebhookUrl(raw)
  const host = hostOf(url)
  if (net.isIP(host)) {
    assertAddressAllowed(host, host)
    return url
  }
  let addresses: dns.LookupAddress[]
  try {
    addresses = await dns.promises.lookup(host, { all: true })
  } catch {
    return url
  }
  for (const { address } of addresses) assertAddressAllowed(host, address)
  return url
}

/** Checks an IP-literal host, which never goes through a DNS lookup. */
export function assertLiteralHostAllowed(url: URL): void {
  const host = hostOf(url)
  if (net.isIP(host)) assertAddressAllowed(host, host)
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void

/**
 * A drop-in for dns.lookup that refuses blocked addresses, given to http.request so the address
 * checked is the address connected to (no window for DNS rebinding).
 */
export function guardedLookup(
  hostname: string,
  options: dns.LookupOptions,
  callback: LookupCallback,
) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, [])
    try {
      for (const { address } of addresses) assertAddressAllowed(hostname, address)
    } catch (refusal) {
      return callback(refusal as NodeJS.ErrnoException, [])
    }
    if (options.all) return callback(null, addresses)
    callback(null, addresses[0].address, addresses[0].family)
  })
}
