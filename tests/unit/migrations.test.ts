import path from 'node:path'

import { migrationFiles, migrationListProblems } from '../../src/db/migrationList'
import { migrations } from '../../src/migrations'

const dir = path.resolve(import.meta.dirname, '../../src/migrations')

describe('src/migrations/index.ts', () => {
  it('lists every migration file once, in time order', () => {
    expect(
      migrationListProblems(
        migrations.map((m) => m.name),
        migrationFiles(dir),
      ),
    ).toEqual([])
  })

  it('is checked for repeats, order and missing files', () => {
    const files = ['20260101_000000_a', '20260102_000000_b']
    expect(migrationListProblems([...files, files[0]], files)).toEqual([
      '20260101_000000_a is listed more than once',
      '20260101_000000_a is listed after 20260102_000000_b: the list must be in time order',
    ])
    expect(migrationListProblems([files[1], files[0]], files)).toHaveLength(1)
    expect(migrationListProblems([files[0]], files)).toEqual([
      '20260102_000000_b.ts is in the folder but not in the list',
    ])
    expect(migrationListProblems([...files, '20260103_000000_c'], files)).toEqual([
      '20260103_000000_c is listed but has no file',
    ])
  })
})
