import fs from 'node:fs'
import path from 'node:path'

import { findPathsOutsideRepo, repoRoot } from '../helpers/findPathsOutsideRepo'

const testsDir = path.join(repoRoot, 'tests')
// The check and this file hold outside paths on purpose, as examples it must catch.
const examples = new Set(['helpers/findPathsOutsideRepo.ts', 'unit/selfContained.test.ts'])
const sources = (fs.readdirSync(testsDir, { recursive: true }) as string[])
  .filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f) && !examples.has(f.split(path.sep).join('/')))
  .map((f) => path.join(testsDir, f))

describe('tests are self-contained', () => {
  it('finds the test sources', () => {
    expect(sources.length).toBeGreaterThan(20)
  })

  it.each(sources.map((f) => [path.relative(repoRoot, f), f]))(
    '%s reads nothing outside the repository',
    (_name, file) => {
      expect(findPathsOutsideRepo(fs.readFileSync(file, 'utf8'), file)).toEqual([])
    },
  )
})

describe('the outside-path check', () => {
  const file = path.join(repoRoot, 'tests/unit/example.test.ts')
  const check = (source: string) => findPathsOutsideRepo(source, file)

  it.each([
    ["path.resolve(process.cwd(), '../shared/seeds')"],
    ["path.resolve(process.cwd(), '..', 'shared', 'seeds')"],
    ["path.join(import.meta.dirname, '../../../shared')"],
    ["fs.readFileSync('../shared/seeds/000.txt')"],
    ["import { x } from '../../../outside/module'"],
    [`fs.readdirSync('${path.dirname(repoRoot)}')`],
    ['fs.readFileSync(path.join(os.homedir(), ".haven"))'],
  ])('flags %s', (source) => {
    expect(check(source)).not.toEqual([])
  })

  it.each([
    ["path.resolve(import.meta.dirname, '../..')"],
    ["path.resolve(import.meta.dirname, '../fixtures', 'seeds')"],
    ["path.resolve(process.cwd(), 'tests/fixtures')"],
    ["import { startPayload } from '../helpers/payload'"],
    ["await import('../../payload.config')"],
    ["fetch(`${url}/api/articles?draft=true`); get('/graphql')"],
    ["spawn('/usr/bin/chromium')"],
  ])('accepts %s', (source) => {
    expect(check(source)).toEqual([])
  })
})
