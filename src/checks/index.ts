/** What the rest of Haven uses of src/checks: import it from here. */
export { findingKey } from './types'
export type { StoredFinding } from './types'
export { findingsField } from './findingsField'
export { refuseUnauthorisedOverrides } from './refuseUnauthorisedOverrides'
export { runContentChecks } from './runContentChecks'
export { titleMismatchCheck } from './titleMismatchCheck'
export { ARTICLE_TEXT_LIMITS, enforceTextLimits } from './enforceTextLimits'
