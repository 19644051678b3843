import {
  GraphQLError,
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
    try {
      return limit(context)
    } catch (error) {
      // graphql-depth-limit recurses once per level, inline fragments included, which it does
      // not count as depth; a document nested deeper than the stack is the caller's, not ours.
      if (!(error instanceof RangeError)) throw error
      context.reportError(
        new GraphQLError(
          `Query is too deep: at most ${maxDepth} levels of nested fields are allowed.`,
          { extensions: { code: 'QUERY_TOO_DEEP', maxDepth } },
        ),
      )
      return {}
    }
  }
}
