import { buildASTSchema, concatAST, printSchema } from 'graphql'

import { loadTypeDefs } from './typeDefs'

/** The public API's schema as SDL, descriptions included, in a stable order. */
export function printPublicSchema(): string {
  return printSchema(buildASTSchema(concatAST(loadTypeDefs())))
}

/**
 * The text of the committed schema.graphql: the SDL in the repository's Prettier style, so the
 * lint passes on it and the drift test compares like with like. Prettier is a development tool,
 * loaded only here.
 */
export async function schemaFileText(file: string): Promise<string> {
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(file)) ?? {}
  return prettier.format(printPublicSchema(), { ...options, parser: 'graphql' })
}
