import fs from 'node:fs'
import path from 'node:path'

import { buildSchema, parse, validate } from 'graphql'

import { schemaFileText } from '../../src/graphql/printSchema'
import { documents } from '../../site/api'

const file = path.resolve(import.meta.dirname, '../../schema.graphql')

describe('schema.graphql', () => {
  it('matches the public API (run `npm run schema` after changing src/graphql/schema)', async () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(await schemaFileText(file))
  })

  it('every operation the site sends is valid against it', () => {
    const schema = buildSchema(fs.readFileSync(file, 'utf8'))
    const problems = Object.entries(documents).flatMap(([name, text]) =>
      validate(schema, parse(text)).map((error) => `${name}: ${error.message}`),
    )
    expect(Object.keys(documents).length).toBeGreaterThan(10)
    expect(problems).toEqual([])
    // The check is live: a field Haven does not have is caught.
    const broken = parse(documents.article.replace('bodyHtml', 'bodyMarkdown'))
    expect(
      validate(schema, broken)
        .map((e) => e.message)
        .join(),
    ).toMatch(/bodyMarkdown/)
  })
})
