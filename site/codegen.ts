import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * The site's result types, from the committed schema.graphql (the same file other frontends
 * build on) and site/operations.graphql: `npm run generate:site`; `npm run check:generated`
 * fails when the committed output is stale. Paths are from the repository root.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema.graphql',
  documents: 'site/operations.graphql',
  generates: {
    'site/generated/': {
      preset: 'client',
      // Plain strings go over the wire: the site sends JSON with fetch and parses nothing itself.
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          DateTime: 'string',
          JSON: 'unknown',
        },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
}

export default config
