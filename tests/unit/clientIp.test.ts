import { pickClientAddress, trustedProxyHops } from '../../src/lib/clientIp'

describe('HAVEN_TRUST_PROXY', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['false', 0],
    ['0', 0],
    ['true', 1],
    ['TRUE', 1],
    ['1', 1],
    ['2', 2],
  ])('%s means %i trusted hops', (raw, hops) => {
    expect(trustedProxyHops(raw)).toBe(hops)
  })

  it.each(['yes', '-1', '1.5', '100', 'loopback'])('refuses %s with a message', (raw) => {
    expect(() => trustedProxyHops(raw)).toThrow(/HAVEN_TRUST_PROXY=.* is not valid/)
  })
})

describe('client address from the chain (last entry: the connecting peer)', () => {
  it('is the peer when no proxy is trusted, whatever the header said', () => {
    expect(pickClientAddress(['6.6.6.6', '10.0.0.9'], 0)).toBe('10.0.0.9')
  })

  it('is the address the outermost trusted proxy saw', () => {
    // client → proxy A (writes 198.51.100.7) → proxy B (writes A's address) → Haven
    const chain = ['forged', '198.51.100.7', '10.0.0.2', '10.0.0.3']
    expect(pickClientAddress(chain, 1)).toBe('10.0.0.2')
    expect(pickClientAddress(chain, 2)).toBe('198.51.100.7')
  })

  it('falls back to the first entry when the chain is shorter than the hops', () => {
    expect(pickClientAddress(['10.0.0.3'], 2)).toBe('10.0.0.3')
    expect(pickClientAddress([], 1)).toBe('unknown')
  })

  it('spells one address one way', () => {
    expect(pickClientAddress(['::ffff:192.0.2.4'], 0)).toBe('192.0.2.4')
    expect(pickClientAddress(['[2001:db8::1]:443'], 0)).toBe('2001:db8::1')
  })
})
