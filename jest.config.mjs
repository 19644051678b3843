// Jest runs the TypeScript sources as native ESM (NODE_OPTIONS=--experimental-vm-modules, set by
// the npm scripts); @swc/jest strips types only, so `npm test` also runs `tsc --noEmit`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
}

export default {
  // Integration and browser tests work a real database and server: Jest's 5 s default failed a
  // demo-content seed on PostgreSQL on a slow shared machine. A ceiling against hangs, not a
  // speed target (set here: Jest reads it from the global config, not from a project's).
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.test.ts'],
      slowTestThreshold: 30,
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
}
