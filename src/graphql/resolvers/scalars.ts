import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql'

const toIso = (value: unknown) => {
  const date = value instanceof Date ? value : new Date(String(value))
  if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 date.')
  return typeof value === 'string' && /[+-]\d\d:\d\d$/.test(value) ? value : date.toISOString()
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  // Meeting times keep the group's own UTC offset, so strings that carry one pass unchanged.
  serialize: toIso,
  parseValue: toIso,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.')
    return toIso(ast.value)
  },
})

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value)
    case Kind.LIST:
      return ast.values.map(literal)
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]))
    default:
      return null
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
})
