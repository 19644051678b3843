/** `npm run seed`: adds whatever demo content is missing. Safe to run on a populated database. */
import { getPayload } from 'payload'

import config from '../../payload.config'
import { seed } from '../seed'

process.env.HAVEN_DISABLE_JOBS = 'true'
const payload = await getPayload({ config })
try {
  const result = await seed(payload)
  process.stdout.write(`Seed finished: ${result.created} documents created.\n`)
  if (result.admin?.generatedPassword) {
    process.stdout.write(
      `First admin: ${result.admin.email} / ${result.admin.generatedPassword} (shown only this once)\n`,
    )
  }
  await payload.destroy()
  process.exit(0)
} catch (error) {
  process.stderr.write(`Seed failed: ${(error as Error).message}\n`)
  process.exit(1)
}
