import { privacyCheck } from '../privacy/privacyCheck'
import { blockedPhraseCheck } from '../quality/checks/blockedPhraseCheck'
import { contentWarningCheck } from '../quality/checks/contentWarningCheck'
import { duplicateCheck } from '../quality/checks/duplicateCheck'
import { titleMismatchCheck } from '../quality/checks/titleMismatchCheck'
import type { ContentCheck } from './types'

/**
 * The checks every article / support group goes through on each save. Each returns findings;
 * src/checks/runContentChecks.ts stores them on the document and blocks publishing while any
 * finding is neither fixed nor overridden by a reviewer with a recorded reason.
 */
export const articleChecks: ContentCheck[] = [
  privacyCheck,
  duplicateCheck,
  titleMismatchCheck,
  blockedPhraseCheck,
  contentWarningCheck,
]

export const supportGroupChecks: ContentCheck[] = [privacyCheck]
