/**
 * `npm run schema`: writes the public API's SDL to schema.graphql at the repository root, the
 * file frontends (site/ included) check their queries against. A unit test fails when it is stale.
 */
import fs from 'node:fs'
import path from 'node:path'

import { schemaFileText } from '../graphql/printSchema'

const file = path.join(process.cwd(), 'schema.graphql')
fs.writeFileSync(file, await schemaFileText(file))
process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`)
