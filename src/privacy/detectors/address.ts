import type { Detection } from '../types'

const SUFFIXES = [
  'Street',
  'St',
  'Road',
  'Rd',
  'Avenue',
  'Ave',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Close',
  'Way',
  'Court',
  'Ct',
  'Place',
  'Pl',
  'Crescent',
  'Terrace',
  'Gardens',
  'Grove',
  'Square',
  'Sq',
  'Boulevard',
  'Blvd',
  'Parade',
  'Row',
  'Mews',
  'Hill',
  'Walk',
  'Park',
  'Green',
  'Rise',
  'Vale',
].join('|')

// Title-case headings ("5 Ways To Feel Better Each Day") look like "12 Acacia Avenue"; an address
// never has these words between its number and its street type.
const NOT_A_STREET_NAME = new Set(
  (
    'a an and the of to for in on at with by from your my our their this that how why what when ' +
    'ways tips steps signs things reasons facts myths questions days weeks months years times ' +
    'people minutes hours simple easy best great good better new more most top key'
  ).split(' '),
)

const EN_STREET = new RegExp(
  String.raw`\b\d{1,4}[A-Za-z]?(?:[-–]\d{1,4})?,?\s+((?:\p{Lu}[\p{Ll}'’]+\s+){1,3})(?:${SUFFIXES})\b\.?`,
  'gu',
)
const ES_STREET =
  /\b(?:Calle|C\/|Avenida|Avda\.?|Plaza|Pza\.?|Paseo|Camino|Carrer|Ronda|Travesía)\s+(?:(?:de|del|la|las|los|el)\s+)*\p{Lu}[\p{L}'’]+(?:\s+\p{Lu}[\p{L}'’]+){0,3},?\s*(?:n\.?º\s*)?\d{1,4}\b/gu

const UK_POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY'
// A bare five-digit number is far more often a statistic than a ZIP code; with a state it is not.
const US_ZIP = new RegExp(String.raw`\b(?:${US_STATES})\s+\d{5}(?:-\d{4})?\b`, 'g')
// Spanish postcodes are five digits too: only count them next to a place name ("28013 Madrid").
const ES_POSTCODE = /\b(?:0[1-9]|[1-4]\d|5[0-2])\d{3}\s+\p{Lu}\p{Ll}+/gu

function looksLikeStreetName(words: string): boolean {
  return words
    .trim()
    .split(/\s+/)
    .every((w) => !NOT_A_STREET_NAME.has(w.toLowerCase()))
}

export function findAddresses(text: string): Detection[] {
  const found: Detection[] = []
  const push = (kind: 'address' | 'postcode', m: RegExpMatchArray, message: string) =>
    found.push({ kind, match: m[0], start: m.index!, end: m.index! + m[0].length, message })

  for (const m of text.matchAll(EN_STREET))
    if (looksLikeStreetName(m[1])) push('address', m, 'Street address in public text')
  for (const m of text.matchAll(ES_STREET)) push('address', m, 'Street address in public text')
  for (const pattern of [UK_POSTCODE, US_ZIP, ES_POSTCODE])
    for (const m of text.matchAll(pattern)) push('postcode', m, 'Postcode in public text')
  return found
}
