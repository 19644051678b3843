import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Config } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import sharp from 'sharp'

import { collections } from './collections'
import { maxUploadBytes } from './collections/Media/hooks/reencodeUpload'
import { Users } from './collections/Users'
import { payloadSecret } from './src/config/secrets'
import { health } from './src/http/health'
import { answerClientErrors } from './src/http/answerClientErrors'
import { loggerConfig } from './src/logging/loggerConfig'
import { emailAdapter } from './src/config/email'
import { trustedProxyHops } from './src/lib/clientIp'
import { assertEncryptionConfigured } from './src/lib/crypto/keyring'
import { databaseAdapter } from './src/db/adapter'
import { CrisisResources } from './src/globals/CrisisResources'
import { autoRun, tasks } from './src/jobs'
import { canRunJobs } from './src/access/canRunJobs'
import { plugins } from './src/plugins'
import { startWebhookWorker } from './src/webhooks'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Like PAYLOAD_SECRET: production refuses to start without the join-request encryption keys.
assertEncryptionConfigured()
// A malformed HAVEN_TRUST_PROXY stops start-up instead of guessing who the client is.
trustedProxyHops()

export default buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' | Haven', description: 'Haven: health information and peer support' },
    // Gravatar would send a hash of every staff email to a third party on each admin page.
    avatar: 'default',
    components: {
      graphics: {
        Logo: '/src/components/admin/Logo#Logo',
        Icon: '/src/components/admin/Icon#Icon',
      },
      header: ['/src/components/locale/LocaleBanner#LocaleBanner'],
      beforeDashboard: [
        '/src/review/components/ReviewQueue#ReviewQueue',
        '/src/review/components/DueForReview#DueForReview',
      ],
    },
  },
  collections,
  globals: [CrisisResources],
  endpoints: [health],
  // Errors a request's content caused are answered with a 4xx, not a 500.
  hooks: { afterError: [answerClientErrors] },
  // Refusals the app expects (a rule said no, a missing document, a locked one, a review refusal)
  // are routine: one info line with the message, never an error with a stack trace. Payload types
  // the keys as its own error names, but looks levels up by any error's name.
  loggingLevels: {
    RefusedSave: 'info',
    ValidationError: 'info',
    Forbidden: 'info',
    NotFound: 'info',
    Locked: 'info',
    LockedAuth: 'info',
    AuthenticationError: 'info',
    UnverifiedEmail: 'info',
    QueryError: 'info',
    MissingFile: 'info',
    TooManyRequests: 'info',
  } as Config['loggingLevels'],
  editor: lexicalEditor(),
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'es', label: 'Español' },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  secret: payloadSecret(),
  logger: loggerConfig(),
  email: emailAdapter(),
  db: databaseAdapter(),
  sharp,
  plugins,
  upload: { limits: { fileSize: maxUploadBytes() } },
  jobs: {
    tasks,
    autoRun,
    // The server runs the queue itself; over HTTP it is an admin's tool (403 for other roles).
    access: { run: canRunJobs },
    // Tests and one-off scripts (seed, import) must not start background workers.
    shouldAutoRun: () => process.env.HAVEN_DISABLE_JOBS !== 'true',
  },
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    autoGenerate: false,
  },
  telemetry: false,
  // Delivers webhooks from the outbox; a restart resumes whatever was pending.
  onInit: startWebhookWorker,
})
