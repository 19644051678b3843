import { findPhoneNumbersInText, type CountryCode, type NumberType } from 'libphonenumber-js/max'

import type { Detection } from '../types'

// Numbers of these types belong to organisations (freephone helplines, switchboards), never to a
// person, so publishing them is the point rather than a leak.
const ORGANISATIONAL: NumberType[] = ['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN']

// A run of what a written phone number is made of; runs of fewer digits are no phone number.
const RUN = /[+(]?\d[\d \t().\-/]*\d/g
const MIN_DIGITS = 7
// The phone matcher's work grows with the number runs it reads (a long run counts once per this
// many characters); past the budget the text is not read for phone numbers but flagged as a whole.
const RUN_CHARS = 32
const MAX_RUNS = 100

function numberRuns(text: string): { count: number; first?: RegExpExecArray } {
  let count = 0
  let first: RegExpExecArray | undefined
  for (const m of text.matchAll(RUN)) {
    if ((m[0].match(/\d/g)?.length ?? 0) < MIN_DIGITS) continue
    first ??= m
    count += Math.ceil(m[0].length / RUN_CHARS)
  }
  return { count, first }
}

/**
 * Phone numbers in international format, and in the national formats of the given regions.
 * POSSIBLE leniency (right length and shape) rather than VALID, because invented and reserved
 * ranges (+44 7700 900…) are exactly what people paste into examples and testimonials; years,
 * page ranges and reference numbers do not have a phone number's shape and are not matched.
 */
export function findPhones(text: string, regions: string[], allowed: Set<string>): Detection[] {
  const runs = numberRuns(text)
  if (runs.count === 0) return []
  // The matcher spent seconds on a body of spaced digits at the length limit. No article lists
  // hundreds of numbers; one that seems to is for a reviewer to look at.
  if (runs.count > MAX_RUNS && runs.first) {
    const start = runs.first.index
    const end = start + Math.min(runs.first[0].length, 40)
    return [
      {
        kind: 'phone' as const,
        match: text.slice(start, end),
        start,
        end,
        message: `Too many numbers to check for phone numbers (over ${MAX_RUNS} runs of digits): remove lists of numbers, or ask a reviewer`,
      },
    ]
  }
  const spans = new Map<string, { start: number; end: number; publishable: boolean }>()
  for (const region of regions) {
    const matches = findPhoneNumbersInText(text, {
      defaultCountry: region as CountryCode,
      leniency: 'POSSIBLE',
    } as never)
    for (const m of matches) {
      const type = m.number.getType()
      // The same digits can read as a freephone line in one region and as nothing in another:
      // one organisational reading is enough to let them through.
      const publishable =
        (type !== undefined && ORGANISATIONAL.includes(type)) ||
        allowed.has(m.number.number) ||
        allowed.has(m.number.nationalNumber)
      const key = `${m.startsAt}:${m.endsAt}`
      const seen = spans.get(key)
      spans.set(key, {
        start: m.startsAt,
        end: m.endsAt,
        publishable: publishable || Boolean(seen?.publishable),
      })
    }
  }
  return [...spans.values()]
    .filter((s) => !s.publishable)
    .map((s) => ({
      kind: 'phone' as const,
      match: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      message: 'Phone number in public text',
    }))
}
