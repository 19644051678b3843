import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8')

// Variables that are not Haven settings: set by Node/Next/CI/the test harness itself.
const NOT_SETTINGS = new Set([
  'NODE_ENV',
  'CI',
  'NEXT_PHASE',
  'NEXT_TELEMETRY_DISABLED',
  'NODE_OPTIONS',
  // A marker line the launcher looks for in the prepare step's output, not a variable.
  'HAVEN_PREPARE_OK',
])

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(rel)
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('payload-types.ts') ? [rel] : []
  })
}

describe('.env.example', () => {
  it('documents every environment variable the code and the compose file read', () => {
    const example = read('.env.example')
    const used = new Set<string>()
    for (const file of [
      ...sourceFiles('src'),
      ...sourceFiles('collections'),
      'payload.config.ts',
    ]) {
      const text = read(file)
      for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) used.add(m[1])
      // Settings read through small helpers, e.g. envNumber('HAVEN_API_MAX_DEPTH', 10).
      for (const m of text.matchAll(/['"`]((?:HAVEN|SMTP)_[A-Z0-9_]+)['"`]/g)) used.add(m[1])
    }
    for (const m of read('docker/compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]+)/g)) used.add(m[1])
    const undocumented = [...used].filter(
      (name) =>
        !NOT_SETTINGS.has(name) &&
        !name.startsWith('HAVEN_TEST_') &&
        !new RegExp(`\\b${name}=`).test(example),
    )
    expect(undocumented).toEqual([])
  })

  it('ships no usable secret values', () => {
    const example = read('.env.example')
    for (const name of ['PAYLOAD_SECRET', 'HAVEN_ENCRYPTION_KEYS', 'HAVEN_ADMIN_PASSWORD']) {
      expect(example).toMatch(new RegExp(`^${name}=$`, 'm'))
    }
  })
})

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile')

  it('is a multi-stage build whose runtime stage has no dev dependencies', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3)
    expect(dockerfile).toMatch(/npm ci --omit=dev/)
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '))
    expect(runtime).toMatch(/COPY --from=prod-deps .*node_modules/)
    expect(runtime).not.toMatch(/COPY --from=deps /)
  })

  it('runs as a non-root user with a health check', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '))
    const user = runtime.match(/^USER (\S+)/m)?.[1]
    expect(user).toBeDefined()
    expect(['root', '0']).not.toContain(user)
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health/m)
  })
})
