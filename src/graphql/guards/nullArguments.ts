import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql'

/**
 * An argument with a default (`locale: Locale = en`) that is sent as an explicit null, written
 * in the query or through a variable. GraphQL passes that null to the resolver instead of the
 * default, and resolvers read these arguments as always set; the caller meant "the default" or
 * made a mistake, so the answer is a 400 that says to leave the argument out.
 */
export function nullForDefaultedArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): GraphQLError | undefined {
  const typeInfo = new TypeInfo(schema)
  let found: GraphQLError | undefined
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument()
        if (found || !argument || argument.defaultValue === undefined) return
        const isNull =
          node.value.kind === Kind.NULL ||
          (node.value.kind === Kind.VARIABLE && variables[node.value.name.value] === null)
        if (!isNull) return
        found = new GraphQLError(
          `\`${argument.name}\` cannot be null: leave it out to use its default ` +
            `(${JSON.stringify(argument.defaultValue)}).`,
          { nodes: [node], extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
        )
      },
    }),
  )
  return found
}
