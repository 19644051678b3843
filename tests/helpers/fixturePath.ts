import path from 'node:path'

/** A file or folder under tests/fixtures: tests read their inputs only from inside the repo. */
export const fixturePath = (...segments: string[]) =>
  path.resolve(import.meta.dirname, '../fixtures', ...segments)
