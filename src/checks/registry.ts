import { privacyCheck } from './privacyCheck'
import { blockedPhraseCheck } from './blockedPhraseCheck'
import { contentWarningCheck } from './contentWarningCheck'
import { duplicateCheck } from './duplicateCheck'
import { titleMismatchCheck } from './titleMismatchCheck'
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
