import {
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import depthLimit from 'graphql-depth-limit'

const FRAGMENT_RULES = [NoFragmentCyclesRule, KnownFragmentNamesRule]

/**
 * graphql-depth-limit follows fragment spreads blindly: a cycle recurses until the stack
 * overflows and an unknown fragment throws, both surfacing as 500s. graphql runs every rule
 * in one pass, so order alone does not help; this rule checks fragments first with graphql's
 * own rules and measures depth only for documents that pass (the others get graphql's 400).
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  const limit = depthLimit(maxDepth)
  return (context: ValidationContext) => {
    const fragmentErrors = validate(context.getSchema(), context.getDocument(), FRAGMENT_RULES)
    if (fragmentErrors.length > 0) return {}
    return limit(context)
  }
}
