import { findPhoneNumbersInText, type CountryCode, type NumberType } from 'libphonenumber-js/max'

import type { Detection } from '../types'

// Numbers of these types belong to organisations (freephone helplines, switchboards), never to a
// person, so publishing them is the point rather than a leak.
const ORGANISATIONAL: NumberType[] = ['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN']

/**
 * Phone numbers in international format, and in the national formats of the given regions.
 * POSSIBLE leniency (right length and shape) rather than VALID, because invented and reserved
 * ranges (+44 7700 900…) are exactly what people paste into examples and testimonials; years,
 * page ranges and reference numbers do not have a phone number's shape and are not matched.
 */
export function findPhones(text: string, regions: string[], allowed: Set<string>): Detection[] {
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
