import type { ApolloServerPlugin } from '@apollo/server'
import { getOperationAST, getVariableValues, GraphQLError } from 'graphql'
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'

import { nullForDefaultedArgument } from './nullArguments'

// A paginated field costs its page size times what each item costs, so `first: 100` of a deep
// selection is priced as the hundred items it may return.
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = [args.first, args.count].find((n) => typeof n === 'number')
  return typeof size === 'number' ? 1 + Math.max(0, size) * childComplexity : undefined
}

function noOperation(name: string | null | undefined): GraphQLError {
  const message = name
    ? `The query has no operation named ${JSON.stringify(name.slice(0, 100))}: ` +
      'operationName must be the name of one of its operations, or left out.'
    : 'The query has several operations: say which one to run in operationName.'
  return new GraphQLError(message, {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
  })
}

/** Rejects an operation whose estimated cost is over `maxCost` before any resolver runs. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          // The estimate reads variables (page sizes), so they are checked here, before Apollo
          // itself would: a value of the wrong type is the caller's mistake, a 400 naming it.
          const operation = getOperationAST(document, request.operationName)
          // Nothing to run, and the estimate below would read an operation that is not there.
          if (!operation) throw noOperation(request.operationName)
          const coerced = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables ?? {},
            { maxErrors: 5 },
          )
          if (coerced.errors) {
            throw new GraphQLError(coerced.errors.map((e) => e.message).join(' '), {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            })
          }
          const nullArgument = nullForDefaultedArgument(schema, document, coerced.coerced)
          if (nullArgument) throw nullArgument
          const cost = getComplexity({
            schema,
            query: document,
            operationName: operation.name?.value,
            variables: coerced.coerced,
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
