import { databaseKind, DatabaseUrlError } from '../../src/db/adapter'

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
