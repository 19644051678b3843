import dns from 'node:dns'
import net from 'node:net'

/** A webhook target Haven refuses to call; the message is shown to the admin as is. */
export class WebhookUrlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WebhookUrlError'
  }
}

// Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges: anything a
// webhook could use to reach the server's own network instead of the public internet.
const blocked = new net.BlockList()
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(address, prefix, 'ipv4')
}
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(address, prefix, 'ipv6')
}

/** True for addresses a webhook must not reach unless explicitly allowed. */
export function isPrivateAddress(ip: string): boolean {
  // IPv4-mapped (::ffff:127.0.0.1) and NAT64 (64:ff9b::7f00:1) forms carry an IPv4 address.
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return isPrivateAddress(mapped[1])
  const hexMapped = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip)
  if (hexMapped) {
    const n = (parseInt(hexMapped[1], 16) << 16) | parseInt(hexMapped[2], 16)
    return isPrivateAddress([24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.'))
  }
  const family = net.isIP(ip)
  if (family === 0) return true
  return blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6')
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
  let addresses: dns.LookupAddress[] = []
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
