import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'

import { findAddresses } from './detectors/address'
import { findEmails } from './detectors/email'
import { findTestimonialNames } from './detectors/name'
import { findPhones } from './detectors/phone'
import { findSensitiveUrls } from './detectors/url'
import type { DetectOptions, Detection } from './types'

/** Regions whose national phone formats are recognised; HAVEN_PHONE_REGIONS overrides. */
export function phoneRegions(): string[] {
  const raw = process.env.HAVEN_PHONE_REGIONS ?? 'GB,US,ES'
  const list = raw
    .split(',')
    .map((r) => r.trim().toUpperCase())
    .filter((r) => /^[A-Z]{2}$/.test(r))
  return list.length > 0 ? list : ['GB']
}

function normalisePhones(list: string[], regions: string[]): Set<string> {
  const out = new Set<string>()
  for (const raw of list) {
    for (const region of regions) {
      const parsed = parsePhoneNumberFromString(raw, region as CountryCode)
      if (parsed) {
        out.add(parsed.number)
        out.add(parsed.nationalNumber)
      }
    }
  }
  return out
}

/**
 * Personal data in a piece of public text: email addresses, phone numbers, street addresses and
 * postcodes, links carrying tokens or personal identifiers, and names in testimonial phrasing.
 * A detection inside another (an email inside a flagged link) is reported once, as the outer.
 */
export function detectPersonalData(text: string, options: DetectOptions = {}): Detection[] {
  if (!text) return []
  const regions = options.phoneRegions ?? phoneRegions()
  const allowed = normalisePhones(options.allowedPhones ?? [], regions)
  const all = [
    ...findSensitiveUrls(text),
    ...findEmails(text),
    ...findPhones(text, regions, allowed),
    ...findAddresses(text),
    ...findTestimonialNames(text),
  ]
  // One sweep in start order (widest first, then earlier detector): a detection is inside another
  // when something that began no later already reaches as far. Comparing every pair made a text
  // full of addresses quadratic.
  const order = all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.start - b.d.start || b.d.end - a.d.end || a.i - b.i)
  const kept: Detection[] = []
  let reach = -1
  for (const { d } of order) {
    if (reach >= d.end) continue
    kept.push(d)
    reach = d.end
  }
  return kept
}
