export type BlockedPhrase = { phrase: string; reason?: string | null }
export type BlockedPhraseMatch = {
  phrase: string
  reason?: string | null
  text: string
  count: number
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Lower-cased, single-spaced form of a phrase: the form stored and compared. */
export const normalisePhrase = (phrase: string) => phrase.trim().toLowerCase().replace(/\s+/g, ' ')

function pattern(phrase: string): RegExp {
  const body = normalisePhrase(phrase).split(' ').map(escape).join('[\\s\\u00a0]+')
  // Whole phrase only: "treatment center" must not match inside "retreatment centers".
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}s?(?![\\p{L}\\p{N}])`, 'giu')
}

const compiled = new Map<string, RegExp>()

/** Blocked phrases found in a text, each once, with how often it occurs and how it was written. */
export function findBlockedPhrases(text: string, phrases: BlockedPhrase[]): BlockedPhraseMatch[] {
  const found: BlockedPhraseMatch[] = []
  for (const entry of phrases) {
    const key = normalisePhrase(entry.phrase)
    if (!key) continue
    let re = compiled.get(key)
    if (!re) compiled.set(key, (re = pattern(key)))
    const matches = text.match(re)
    if (matches?.length)
      found.push({ phrase: key, reason: entry.reason, text: matches[0], count: matches.length })
  }
  // "addiction treatment center" already says all that "treatment center" would.
  return found.filter(
    (f) => !found.some((o) => o !== f && o.phrase.includes(f.phrase) && o.count >= f.count),
  )
}
