/**
 * Words and phrases that show a text discusses a subject readers may want warning of, by content
 * warning (the values of the articles' contentWarnings field). Matched like blocked phrases: case,
 * hyphens, plural and British/American spelling do not matter, and stems cover word forms
 * ("suicide" also finds "suicidal", "abuse" finds "abusive").
 */
export const CONTENT_WARNING_TERMS: Record<string, { label: string; terms: string[] }> = {
  suicide: {
    label: 'Suicide',
    terms: [
      'suicide',
      'suicidal',
      'kill myself',
      'kill themselves',
      'end my life',
      'end their life',
      'take their own life',
      'take my own life',
    ],
  },
  'self-harm': {
    label: 'Self-harm',
    terms: [
      'self harm',
      'self harming',
      'self injury',
      'self injuring',
      'hurt myself',
      'hurt themselves',
    ],
  },
  'eating-disorders': {
    label: 'Eating disorders',
    terms: [
      'eating disorder',
      'anorexia',
      'anorexic',
      'bulimia',
      'bulimic',
      'binge eating',
      'purging',
      'arfid',
    ],
  },
  abuse: {
    label: 'Abuse',
    terms: [
      'abuse',
      'abusive',
      'domestic violence',
      'sexual assault',
      'rape',
      'coercive control',
      'grooming',
    ],
  },
  'substance-use': {
    label: 'Substance use',
    terms: [
      'substance use',
      'substance misuse',
      'addiction',
      'alcohol',
      'drinking',
      'cannabis',
      'cocaine',
      'heroin',
      'opioid',
      'overdose',
      'drug use',
    ],
  },
  trauma: {
    label: 'Trauma',
    terms: ['trauma', 'traumatic', 'traumatised', 'ptsd', 'post traumatic', 'flashback'],
  },
}

/** Mentions it takes to suggest a warning: one passing mention is not a discussion. */
export const MIN_MENTIONS = 2
