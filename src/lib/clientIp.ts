import type http from 'node:http'

import ipaddr from 'ipaddr.js'

/**
 * How many reverse proxies in front of Haven append to X-Forwarded-For (HAVEN_TRUST_PROXY):
 * unset, empty, `false` or `0` → none, so the header is the caller's to forge and is ignored;
 * `true` → one; a whole number → that many. Anything else stops start-up, because guessing
 * either way is wrong: too few hops lets callers forge their address, too many puts every
 * caller behind the proxy's address.
 */
export function trustedProxyHops(raw: string | undefined = process.env.HAVEN_TRUST_PROXY): number {
  // Read on every request; the environment rarely changes, so remember the last answer.
  if (raw === lastHops.raw) return lastHops.hops
  const hops = parseHops(raw)
  lastHops = { raw, hops }
  return hops
}
let lastHops: { raw: string | undefined; hops: number } = { raw: undefined, hops: 0 }

function parseHops(raw: string | undefined): number {
  const value = (raw ?? '').trim().toLowerCase()
  if (value === '' || value === 'false' || value === '0') return 0
  if (value === 'true') return 1
  const hops = Number(value)
  if (Number.isInteger(hops) && hops > 0 && hops <= 20) return hops
  throw new Error(
    `HAVEN_TRUST_PROXY=${raw} is not valid: use the number of proxies in front of Haven ` +
      '(1-20, or true for 1), or leave it unset when clients connect directly.',
  )
}

// One spelling per address, so ::ffff:10.0.0.1 and 10.0.0.1 share a budget.
function normalise(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\](?::\d+)?$/, '$1')
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : bare
}

const split = (header: string | null | undefined) =>
  (header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)

/**
 * The client in a chain of addresses whose last entry is the peer that connected to Haven: with
 * no trusted proxy that peer itself; with N trusted proxies, the address the outermost of them
 * saw, N entries left of the peer. A shorter chain than N (a caller reaching Haven around the
 * proxies) falls back to its first entry, which is still one a trusted hop wrote.
 */
export function pickClientAddress(chain: string[], hops = trustedProxyHops()): string {
  if (chain.length === 0) return 'unknown'
  return normalise(chain[Math.max(0, chain.length - 1 - hops)])
}

// A connection's peer does not change, and keep-alive clients send many requests on one:
// normalising the address once per socket takes ipaddr.js off the API's hot path.
const peerOfSocket = new WeakMap<object, string>()

/** The client address of a request on a plain Node server (the standalone API). */
export function clientIpFromNode(req: http.IncomingMessage): string {
  const hops = trustedProxyHops()
  if (hops === 0) {
    let peer = peerOfSocket.get(req.socket)
    if (peer === undefined) {
      peer = pickClientAddress([req.socket.remoteAddress ?? 'unknown'], 0)
      peerOfSocket.set(req.socket, peer)
    }
    return peer
  }
  const forwarded = hops > 0 ? split(req.headers['x-forwarded-for']?.toString()) : []
  return pickClientAddress([...forwarded, req.socket.remoteAddress ?? 'unknown'], hops)
}

/**
 * Haven's HTTP server (src/server.ts) rewrites X-Forwarded-For before Next sees the request:
 * without a trusted proxy it holds only the connecting address, so nothing a caller sends
 * survives; behind proxies the connecting address is appended to what they sent. Route handlers
 * then read the client from it with clientIpFromHeaders.
 */
export function stampForwardedFor(req: http.IncomingMessage): void {
  const peer = req.socket.remoteAddress ?? 'unknown'
  const forwarded = trustedProxyHops() > 0 ? split(req.headers['x-forwarded-for']?.toString()) : []
  req.headers['x-forwarded-for'] = [...forwarded, peer].join(', ')
}

type HeaderSource = { get(name: string): string | null | undefined }

/**
 * The client address of a request inside Next (REST, GraphQL routes, Payload hooks), from the
 * X-Forwarded-For that src/server.ts stamped: its last entry is the connecting peer.
 */
export function clientIpFromHeaders(headers: HeaderSource | undefined): string {
  return pickClientAddress(split(headers?.get('x-forwarded-for')))
}

export type NetworkPrefixes = { ipv4: number; ipv6: number }

/**
 * The network a client address belongs to, as a CIDR string ("2001:db8:1:2::/64"), for budgets
 * that must not be dodged by hopping between addresses one subscriber owns: an IPv6 subscriber
 * gets at least a /64, so every address in it is the same client. An IPv4-mapped IPv6 address
 * counts as IPv4. Anything that is not an address ("unknown") is its own key.
 */
export function networkOf(address: string, prefixes: NetworkPrefixes): string {
  const bare = normalise(address)
  if (!ipaddr.isValid(bare)) return bare
  const ip = ipaddr.parse(bare)
  const bits = ip.kind() === 'ipv4' ? prefixes.ipv4 : prefixes.ipv6
  const cidr = `${ip.toString()}/${bits}`
  const network =
    ip.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
      : ipaddr.IPv6.networkAddressFromCIDR(cidr)
  return `${network.toString()}/${bits}`
}
