/**
 * `npm start`: one command from a fresh clone to a running Haven.
 *  1. checks configuration (DATABASE_URL form, secrets when NODE_ENV=production) with clear errors;
 *  2. prepares the database (schema, demo content on first start) in a child process;
 *  3. builds the Next app when there is no build or the sources are newer than it;
 *  4. runs the production server (src/server.ts) and prints where everything is.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from '../config/paths'
import { isProduction, payloadSecret } from '../config/secrets'
import { DEVELOPMENT_SITE_URL } from '../config/site'
import { workerCount } from '../cluster'
import { buildIsStale } from './buildFreshness'
import { databaseKind } from '../db/adapter'
import { assertEncryptionConfigured } from '../lib/crypto/keyring'

const root = process.cwd()
const port = Number(process.env.PORT || 3000)

function fail(message: string): never {
  process.stderr.write(`\nHaven cannot start: ${message}\n\n`)
  process.exit(1)
}

let kind: ReturnType<typeof databaseKind>
let secret: string
let workers: number
try {
  kind = databaseKind()
  // Decided here, from the caller's NODE_ENV: the server itself always runs in production mode.
  workers = workerCount()
  secret = payloadSecret()
  assertEncryptionConfigured()
} catch (error) {
  fail((error as Error).message)
}

// Children get the resolved secrets, so generated development secrets are the same everywhere
// (the server runs with NODE_ENV=production and would otherwise refuse to generate them).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PAYLOAD_SECRET: secret,
  HAVEN_WORKERS: String(workers),
}
// Outside production the reader site runs beside Haven (`npm run site`): the admin links to it.
if (!isProduction() && !env.HAVEN_SITE_URL) env.HAVEN_SITE_URL = DEVELOPMENT_SITE_URL
const devKeys = path.join(dataDir(), '.encryption-keys')
if (!env.HAVEN_ENCRYPTION_KEYS && fs.existsSync(devKeys)) {
  env.HAVEN_ENCRYPTION_KEYS = fs.readFileSync(devKeys, 'utf8').trim()
}
const tsxNode = (conditions: string) => ['--conditions=' + conditions, '--import', 'tsx']

// The embedded SQLite schema is pushed in development mode; PostgreSQL in production applies
// migrations on connect; MongoDB needs nothing.
const prepareEnv = {
  ...env,
  HAVEN_DISABLE_JOBS: 'true',
  NODE_ENV: (kind === 'sqlite' || !isProduction() ? 'development' : 'production') as
    'development' | 'production',
}
process.stdout.write(`Preparing the ${kind} database…\n`)
const prepared = spawnSync(
  process.execPath,
  [...tsxNode(prepareEnv.NODE_ENV), path.join(root, 'src/cli/prepare.ts')],
  { env: prepareEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 10 * 60_000 },
)
process.stdout.write((prepared.stdout ?? '').replace(/^HAVEN_PREPARE_OK\n?/m, ''))
if (prepared.status !== 0 || !(prepared.stdout ?? '').includes('HAVEN_PREPARE_OK')) {
  fail(
    `preparing the database failed (exit ${prepared.status ?? prepared.signal}). See the messages above.`,
  )
}

const buildId = path.join(root, '.next', 'BUILD_ID')
if (!fs.existsSync(buildId) || (process.env.HAVEN_SKIP_BUILD !== 'true' && buildIsStale(root))) {
  process.stdout.write('Building the admin and API (about a minute the first time)…\n')
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'build', '--webpack'],
    {
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    },
  )
  if (build.status !== 0 || !fs.existsSync(buildId))
    fail('the build failed. See the messages above.')
}

const server = spawn(
  process.execPath,
  [...tsxNode('production'), path.join(root, 'src/server.ts')],
  {
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  },
)
server.on('message', async (message: { type?: string }) => {
  if (message?.type !== 'listening') return
  const base = `http://localhost:${port}`
  process.stdout.write(
    `\nHaven is running\n  Admin UI     ${base}/admin\n  GraphQL API  ${base}/graphql\n  REST API     ${base}/api\n\n`,
  )
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
