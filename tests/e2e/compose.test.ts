import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const composeFile = path.join(root, 'docker/compose.yml')

// Docker's v2 plugin where present, else Debian's docker-compose (installed by .ci/run).
function compose(args: string[], envFile: string) {
  const v2 = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' })
  const [cmd, base] = v2.status === 0 ? ['docker', ['compose']] : ['docker-compose', []]
  return spawnSync(cmd, [...base, '-f', composeFile, '--env-file', envFile, ...args], {
    encoding: 'utf8',
    cwd: root,
  })
}

function envFile(overrides: Record<string, string>): string {
  let text = fs.readFileSync(path.join(root, '.env.example'), 'utf8')
  for (const [k, v] of Object.entries(overrides))
    text = text.replace(new RegExp(`^${k}=.*$`, 'm'), `${k}=${v}`)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'haven-env-')), '.env')
  fs.writeFileSync(file, text)
  return file
}

const filled = {
  PAYLOAD_SECRET: 'f'.repeat(64),
  HAVEN_ENCRYPTION_KEYS: 'k1:' + Buffer.alloc(32, 7).toString('base64'),
  HAVEN_ADMIN_EMAIL: 'admin@example.org',
  HAVEN_ADMIN_PASSWORD: 'a-long-admin-password',
}

describe('docker/compose.yml', () => {
  beforeAll(() => {
    execFileSync('sh', ['-c', 'command -v docker-compose || docker compose version'])
  })

  it('validates, with MongoDB as a replica set and a separate API service', () => {
    const res = compose(['config'], envFile(filled))
    expect(res.stderr).not.toMatch(/invalid|error/i)
    expect(res.status).toBe(0)
    expect(res.stdout).toMatch(/--replSet/)
    expect(res.stdout).toMatch(/replicaSet=rs0/)
    expect(res.stdout).toMatch(/api:[\s\S]*src\/cli\/api\.ts/)
    expect(res.stdout).toMatch(/media:\/app\/data\/media/)
  })

  it('refuses to render without the production secrets', () => {
    const res = compose(['config'], envFile({ ...filled, PAYLOAD_SECRET: '' }))
    expect(res.status).not.toBe(0)
    expect(res.stderr).toMatch(/PAYLOAD_SECRET/)
  })
})
