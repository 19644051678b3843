import type { Detection } from '../types'

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’-]+`
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_WORD}|\p{Lu}\.))*`

// "my name is Jane Smith", "me llamo María": the phrase in any case, the name capitalised.
const INTRODUCTION = new RegExp(
  String.raw`\b(?:[Mm]y name is|[Mm]y name's|I am called|I'm called|[Mm]e llamo|[Mm]i nombre es)\s+(${NAME})`,
  'gu',
)
// A testimonial's attribution: "— Jane Smith, 34", "- Jane S., aged 34".
const DASH_WITH_AGE = new RegExp(
  String.raw`(?:^|[\s"”’)])[—–-]{1,2}\s*(${NAME}),\s*(?:aged\s+|age\s+)?\d{1,3}\b`,
  'gmu',
)
// A quotation closed and attributed: "…it saved me.” — Jane Smith
const QUOTE_ATTRIBUTION = new RegExp(String.raw`["”]\s*[—–-]{1,2}\s*(${NAME})`, 'gu')
// Press style: "Jane Smith, 34, from Leeds" / "Jane Smith, 34, de Sevilla".
const NAME_AGE_PLACE = new RegExp(
  String.raw`\b(${NAME_WORD}\s+${NAME_WORD}),\s*(?:aged\s+)?\d{1,3},\s*(?:from|of|de)\s+\p{Lu}`,
  'gu',
)

export function findTestimonialNames(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [INTRODUCTION, DASH_WITH_AGE, QUOTE_ATTRIBUTION, NAME_AGE_PLACE]) {
    for (const m of text.matchAll(pattern)) {
      // Report from the name onwards, so the editor sees "Jane Smith, 34" rather than the dash.
      const offset = m[0].indexOf(m[1])
      const start = m.index + offset
      const match = m[0].slice(offset).trim()
      found.push({
        kind: 'name',
        match,
        start,
        end: start + match.length,
        message: 'Personal name in a testimonial',
      })
    }
  }
  return found
}
