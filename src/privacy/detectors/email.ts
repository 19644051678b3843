import type { Detection } from '../types'

// Plain addresses, and the "name [at] domain [dot] org" forms people use to dodge scrapers.
// Matches start only where a run of address characters starts, so a long run without an @ is
// scanned once rather than once per character.
const PLAIN =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
// A written-out "[dot]" may have spaces around it; a real full stop only joins the domain when a
// label follows at once, so "org. Meetings" ends the address at "org".
const OBFUSCATED =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\s*[[(]\s*at\s*[\])]\s*[A-Za-z0-9-]+(?:(?:\s*[[(]\s*dot\s*[\])]\s*|\.)[A-Za-z0-9-]+)+/gi

export function findEmails(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [PLAIN, OBFUSCATED]) {
    for (const m of text.matchAll(pattern)) {
      found.push({
        kind: 'email',
        match: m[0],
        start: m.index,
        end: m.index + m[0].length,
        message: 'Email address in public text',
      })
    }
  }
  return found
}
