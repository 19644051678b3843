/**
 * The starting list of blocked phrases: keywords that treatment-centre and therapy-marketing link
 * spam pastes into old web copy. Admins maintain the live list in the admin (Blocked phrases);
 * this only fills it the first time. Each entry is matched as a whole phrase, case-insensitively,
 * in a normalised form (case, hyphens and punctuation, plural,
 * British or American spelling: src/quality/findBlockedPhrases.ts).
 */
export const defaultBlockedPhrases: Array<{ phrase: string; reason: string }> = [
  ...[
    'cbt therapy',
    'dbt therapy',
    'depression treatment program',
    'anxiety treatment program',
    'online therapy sessions',
    'best therapist near me',
    'therapist near me',
    'therapy near me',
    'counselling near me',
    'counseling near me',
    'psychiatrist near me',
    'tms therapy near me',
    'affordable therapy',
    'cheap therapy',
  ].map((phrase) => ({ phrase, reason: 'Therapy marketing keyword' })),
  ...[
    'treatment center',
    'treatment centre',
    'rehab center',
    'rehab centre',
    'rehab near me',
    'drug rehab',
    'alcohol rehab',
    'luxury rehab',
    'best rehab',
    'detox center',
    'detox centre',
    'addiction treatment center',
    'mental health treatment center',
    'dual diagnosis treatment',
    'recovery center near me',
    'ketamine clinic',
  ].map((phrase) => ({ phrase, reason: 'Treatment-centre keyword' })),
  ...[
    'free consultation',
    'insurance accepted',
    'we accept insurance',
    'verify your insurance',
    'buy now',
    'limited time offer',
  ].map((phrase) => ({ phrase, reason: 'Sales call to action' })),
]
