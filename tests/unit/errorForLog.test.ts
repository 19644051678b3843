import { GraphQLError } from 'graphql'

import { errorForLog } from '../../src/logging/errorForLog'

describe('errorForLog', () => {
  it('keeps the wording and frames of an error but not the values it quotes', () => {
    const error = new GraphQLError(
      'Variable "$consent" got invalid value "Ruth Okonkwo +44 7700 900417"; Boolean cannot represent a non boolean value.',
    )
    const logged = errorForLog(error) as { type: string; message: string; stack?: string }
    expect(logged.type).toBe('GraphQLError')
    expect(logged.message).toBe(
      'Variable [redacted] got invalid value [redacted]; Boolean cannot represent a non boolean value.',
    )
    expect(JSON.stringify(logged)).not.toMatch(/Okonkwo|7700/)
    expect(logged.stack).toMatch(/^\s+at /)
  })

  it('drops a failed query and its parameters, also from the cause', () => {
    const cause = Object.assign(new Error("invalid input syntax for type date: 'Jane Doe'"), {
      code: '22007',
    })
    const error = new Error(
      'Failed query: select "id" from "articles" where "published_at" = $1\nparams: Jane Doe',
      { cause },
    )
    const text = JSON.stringify(errorForLog(error))
    expect(text).not.toContain('Jane')
    expect(text).not.toContain('select')
    expect(text).toContain('22007')
  })
})
