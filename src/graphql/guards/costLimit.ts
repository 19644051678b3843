import type { ApolloServerPlugin } from '@apollo/server'
import { GraphQLError } from 'graphql'
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'

// A paginated field costs its page size times what each item costs, so `first: 100` of a deep
// selection is priced as the hundred items it may return.
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = [args.first, args.count].find((n) => typeof n === 'number')
  return typeof size === 'number' ? 1 + Math.max(0, size) * childComplexity : undefined
}

/** Rejects an operation whose estimated cost is over `maxCost` before any resolver runs. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
          })
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query is too expensive: its estimated cost is ${cost} and the limit is ${maxCost}. ` +
                'Ask for fewer items (first/count) or fewer nested fields.',
              { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } } },
            )
          }
        },
      }
    },
  }
}
