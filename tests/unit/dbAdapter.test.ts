import { compatibilityOptions } from '@payloadcms/db-mongodb'

import {
  databaseKind,
  DatabaseUrlError,
  mongoCompat,
  mongoCompatOptions,
} from '../../src/db/adapter'

describe('DATABASE_URL selects the database', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['postgres://postgres@127.0.0.1:5432/haven', 'postgres'],
    ['postgresql://u:p@db/haven', 'postgres'],
    ['mongodb://127.0.0.1:27017/haven', 'mongodb'],
    ['mongodb+srv://cluster.example.net/haven', 'mongodb'],
  ])('%s → %s', (url, kind) => {
    expect(databaseKind(url)).toBe(kind)
  })

  it.each(['mysql://root@localhost/haven', 'file:./haven.db', 'haven.db', 'redis://127.0.0.1'])(
    'refuses %s with an error naming the accepted forms',
    (url) => {
      expect(() => databaseKind(url)).toThrow(DatabaseUrlError)
      expect(() => databaseKind(url)).toThrow(/postgres:\/\/.*mongodb:\/\//)
    },
  )

  it('does not echo a password from a refused URL', () => {
    expect(() => databaseKind('mysql://admin:hunter2@db/haven')).not.toThrow(/hunter2/)
  })
})

describe('HAVEN_MONGODB_COMPAT', () => {
  it('leaves the MongoDB adapter as it is when unset', () => {
    expect(mongoCompat(undefined)).toBeNull()
    expect(mongoCompat('')).toBeNull()
    expect(mongoCompatOptions(null)).toEqual({})
  })

  it('ferretdb turns off what FerretDB v1 lacks, as Payload does for other compatible servers', () => {
    expect(mongoCompat(' FerretDB ')).toBe('ferretdb')
    const options = mongoCompatOptions('ferretdb')
    expect(options).toMatchObject({
      useJoinAggregations: false,
      usePipelineInSortLookup: false,
      transactionOptions: false,
    })
    // Every option we set is one Payload's own presets use for a MongoDB look-alike.
    const known = new Set(Object.values(compatibilityOptions).flatMap((o) => Object.keys(o)))
    for (const key of Object.keys(options)) expect(known.has(key)).toBe(true)
  })

  it('refuses an unknown value rather than guessing', () => {
    expect(() => mongoCompat('documentdb')).toThrow(
      /HAVEN_MONGODB_COMPAT must be unset or ferretdb/,
    )
  })
})
