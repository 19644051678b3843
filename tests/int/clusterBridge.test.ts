import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// A save on one worker answers only after every other worker has applied each phase of its
// change (src/graphql/cache/invalidateOnChange.ts): the confirmation must come after the
// sibling applied it, and well before the bridge's timeout.
const root = path.resolve(import.meta.dirname, '../..')

it('a change is confirmed to the saving worker only after its sibling applied it', async () => {
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-cluster-'))
  const { NODE_ENV: _test, ...env } = process.env
  const child = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'tests/helpers/clusterBridgeChild.ts'],
    {
      cwd: root,
      env: {
        ...(env as NodeJS.ProcessEnv),
        NODE_OPTIONS: '',
        HAVEN_WORKERS: '2',
        HAVEN_TEST_MARKERS: markers,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  try {
    for (let i = 0; i < 600 && !output.includes('DONE'); i++) {
      if (child.exitCode !== null) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const lines = output.split('\n').filter((l) => l.startsWith('worker'))
    expect(lines.slice(0, 4).map((l) => l.replace(/ after \d+ ms/, ''))).toEqual([
      'worker 1 applied begin, change open: true',
      'worker 0 begin confirmed',
      'worker 1 applied end, change open: false',
      'worker 0 end confirmed',
    ])
    const ms = Number(lines[3].match(/after (\d+) ms/)?.[1])
    expect(ms).toBeLessThan(2_000) // confirmed, not timed out
  } finally {
    child.kill('SIGTERM')
    fs.rmSync(markers, { recursive: true, force: true })
  }
}, 90_000)
