/**
 * Brings the database up to date before the server starts: connects (which pushes the schema
 * for the embedded SQLite file, or applies PostgreSQL migrations in production) and seeds demo
 * content into an empty database. Run by `npm start`; prints a final marker line that the
 * launcher checks, because a silent exit 0 is not proof that anything happened.
 */
import { getPayload } from 'payload'

import config from '../../payload.config'
import { databaseKind, sqliteFile } from '../db/adapter'
import { renameLegacyMongoFields, renameLegacySqliteColumns } from '../db/renameLegacyFields'
import { reindexSignatures } from '../quality/reindexSignatures'
import { seedBlockedPhrases } from '../quality/seedBlockedPhrases'
import { seed } from '../seed'

// The launcher (src/cli/start.ts) starts the server only after this line.
const PREPARE_OK = 'HAVEN_PREPARE_OK'

if (databaseKind() === 'sqlite') {
  for (const rename of await renameLegacySqliteColumns(sqliteFile())) {
    process.stdout.write(`Renamed SQLite column ${rename}\n`)
  }
}
const payload = await getPayload({ config })
const movedSubscriptions = await renameLegacyMongoFields(payload)
if (movedSubscriptions > 0) {
  payload.logger.info(
    `Moved the subscriptions of ${movedSubscriptions} webhook endpoints to their new field name.`,
  )
}
const users = await payload.count({ collection: 'users' })
if (users.totalDocs === 0 && process.env.HAVEN_SEED_DEMO !== 'false') {
  const result = await seed(payload)
  payload.logger.info(`Seeded ${result.created} demo documents into the new database.`)
  if (result.admin) {
    const password = result.admin.generatedPassword
      ? `${result.admin.generatedPassword}   (generated: shown only this once; change it after logging in)`
      : '(from HAVEN_ADMIN_PASSWORD)'
    process.stdout.write(
      `\n  First admin account\n    email:    ${result.admin.email}\n    password: ${password}\n\n`,
    )
  }
}
// Even without demo content, a new database starts with the blocked-phrase list (only while empty).
await seedBlockedPhrases(payload)
await reindexSignatures(payload)
await payload.destroy()
process.stdout.write(`${PREPARE_OK}\n`)
process.exit(0)
