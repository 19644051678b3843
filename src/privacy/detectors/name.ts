import type { Detection } from '../types'

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’-]+`
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_WORD}|\p{Lu}\.))*`

// "my name is Jane Smith", "me llamo María": the phrase in any case, the name capitalised.
const INTRODUCTION = new RegExp(
  String.raw`\b(?:[Mm]y name is|[Mm]y name's|I am called|I'm called|[Mm]e llamo|[Mm]i nombre es)\s+(${NAME})`,
  'gud',
)
// A testimonial's attribution: "— Jane Smith, 34", "- Jane S., aged 34".
const DASH_WITH_AGE = new RegExp(
  String.raw`(?:^|[\s"”’)])[—–-]{1,2}\s*(${NAME},\s*(?:aged\s+|age\s+)?\d{1,3})\b`,
  'gmud',
)
// A quotation closed and attributed: "…it saved me.” — Jane Smith
const QUOTE_ATTRIBUTION = new RegExp(String.raw`["”]\s*[—–-]{1,2}\s*(${NAME})`, 'gud')
// Press style: "Jane Smith, 34, from Leeds" / "Jane Smith, 34, de Sevilla"; the place is part of
// what identifies her, so the span runs to the end of its name.
const NAME_AGE_PLACE = new RegExp(
  String.raw`\b(${NAME_WORD}\s+${NAME_WORD},\s*(?:aged\s+)?\d{1,3},\s*(?:from|of|de)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)`,
  'gud',
)
// The classic testimonial: a first name (and maybe a surname or initial), an age, and a reporting
// verb, after or before: "Sarah, 34, told us…", "Tom (52) said", "“…,” said Priya, 41",
// "Sarah, aged 34, explained". Dashes and quotes around it change nothing.
const REPORTING = String.raw`(?:told\s+(?:us|me|them|the\s+group)|tells\s+us|said|says|shared|shares|explained|explains|recalled|recalls|added|adds|wrote|writes|admitted|admits|remembered|remembers|described|describes)`
const AGE = String.raw`(?:,\s*(?:aged\s+|age\s+)?\d{1,3}\b|\s*\(\s*(?:aged\s+|age\s+)?\d{1,3}\s*\))`
// A sentence often starts with a capitalised function word ("As Joe, 45, recalls"): not a name.
const NOT_A_NAME = String.raw`(?!(?:As|When|Then|The|And|But|So|If|While|After|Before|Here|There|This|That|In|On|At|For|With|Our|Their|His|Her|One|Another|Member|Members)\b)`
const PERSON = String.raw`${NOT_A_NAME}${NAME_WORD}(?:\s+(?:${NAME_WORD}|\p{Lu}\.))?`
const NAME_AGE_VERB = new RegExp(String.raw`\b(${PERSON}${AGE}),?\s+${REPORTING}\b`, 'gud')
const VERB_NAME_AGE = new RegExp(String.raw`\b${REPORTING}\s+(${PERSON}${AGE})`, 'gud')

export function findTestimonialNames(text: string): Detection[] {
  const found: Detection[] = []
  const patterns = [
    INTRODUCTION,
    DASH_WITH_AGE,
    QUOTE_ATTRIBUTION,
    NAME_AGE_PLACE,
    NAME_AGE_VERB,
    VERB_NAME_AGE,
  ]
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      // Report exactly the name (and age, place) group, so the editor sees "Jane Smith, 34" rather
      // than the dash or the verb around it.
      const [start, end] = m.indices![1]
      const match = text.slice(start, end)
      found.push({
        kind: 'name',
        match,
        start,
        end,
        message: 'Personal name in a testimonial',
      })
    }
  }
  return found
}
