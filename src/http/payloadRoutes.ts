import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import {
  buildSchema,
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  parse,
  validate,
  type DocumentNode,
} from 'graphql'
import { getPayload, type SanitizedConfig } from 'payload'
import { validOperators } from 'payload/shared'

import { apiBodyLimits, withinBodyLimit, type BodyLimits } from './bodyLimit'
import { clientErrorOf } from './clientErrorOf'
import { pathDecodes, UNDECODABLE_PATH } from './refuseUndecodablePath'

type Config = Promise<SanitizedConfig> | SanitizedConfig
type RestArgs = { params: Promise<{ slug: string[] }> }
type RestHandler = (request: Request, args: RestArgs) => Promise<Response>

const MAX_BODY_DEPTH = 200
const OPERATORS = new Set<string>(validOperators)
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
// PostgreSQL has no like for jsonb, so rich text and JSON are refused here on every database.
const NOT_TEXT = new Set([
  'checkbox',
  'number',
  'date',
  'point',
  'relationship',
  'upload',
  'richText',
  'json',
])
// What the SQL adapters can compare inside a JSON field (a path past its name).
const JSON_PATH_OPERATORS = new Set(['equals', 'not_equals', 'exists'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i

export const refusal = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message }] }, { status, headers })

/** Nesting depth of a JSON text, counted without recursion (the text may be hostile). */
function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') max = Math.max(max, ++depth)
    else if (c === '}' || c === ']') depth--
  }
  return max
}

/** A JSON request body Payload can work with: an object, not too deep. */
async function checkJsonBody(request: Request): Promise<Response | unknown> {
  const text = await request.clone().text()
  if (text.trim() === '') return undefined
  if (jsonDepth(text) > MAX_BODY_DEPTH) {
    return refusal(400, `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`)
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return refusal(400, 'The request body is not valid JSON.')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return refusal(400, 'The request body must be a JSON object.')
  }
  return body
}

function checkContentType(request: Request): Response | undefined {
  const type = request.headers.get('content-type') ?? ''
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=[^;\s]+/i.test(type)) {
    return refusal(
      400,
      'A multipart/form-data body needs a boundary parameter in its content-type.',
    )
  }
  return undefined
}

// Payload parses a body only for exactly this type (and multipart).
const isJson = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase() ===
  'application/json'

/**
 * `where` as Payload reads it from the query string (where[field][operator]=value, with and/or
 * lists): values Payload would pass on to the database unchecked are refused here.
 */
const SORT_FIELD = /^-?[A-Za-z_][A-Za-z0-9_.]*$/

// MongoDB ids: a value of any other shape cannot be cast and would fail inside the adapter.
const OBJECT_ID = /^[0-9a-f]{24}$/i

function checkWhere(
  url: URL,
  fields: Field[],
  numericIds: boolean,
  objectIds = false,
): Response | undefined {
  const hasPointField = fields.some((field) => field.type === 'point')
  for (const [key, value] of url.searchParams) {
    if (key !== 'where' && !key.startsWith('where[')) continue
    if (key === 'where') {
      return refusal(400, '`where` must be written as where[field][operator]=value.')
    }
    const segments = key
      .slice('where'.length)
      .match(/\[([^\]]*)\]/g)
      ?.map((s) => s.slice(1, -1))
    const at = segments?.findIndex((s) => OPERATORS.has(s)) ?? -1
    if (!segments || at < 1) {
      return refusal(
        400,
        `\`${key}\` names no operator: use where[field][operator]=value with one of ` +
          `${validOperators.join(', ')}.`,
      )
    }
    const operator = segments[at]
    const rest = segments.slice(at + 1)
    if (
      rest.length > 0 &&
      !(LIST_OPERATORS.has(operator) && rest.length === 1 && /^\d+$/.test(rest[0]))
    ) {
      return refusal(400, `\`${key}\`: the ${operator} operator takes a value, not an object.`)
    }
    if (GEO_OPERATORS.has(operator) && !hasPointField) {
      return refusal(
        400,
        `\`${key}\`: ${operator} works only on point fields, and there are none here.`,
      )
    }
    // The field's path, without the and/or lists around it.
    const path = segments.slice(0, at).filter((p) => p !== 'and' && p !== 'or' && !/^\d+$/.test(p))
    if (path.some((p) => p.split('.').includes(''))) {
      return refusal(400, `\`${key}\` names a field with an empty name.`)
    }
    const inner = structuredFieldOnPath(fields, path)
    if (inner && (inner.type === 'richText' || inner.localized)) {
      return refusal(
        400,
        `\`${key}\`: ${inner.name} is ${inner.type === 'richText' ? 'rich text' : 'translated JSON'} ` +
          `and can only be queried as a whole (where[${inner.name}][exists]=true), not by its inner parts.`,
      )
    }
    if (inner && !JSON_PATH_OPERATORS.has(operator)) {
      return refusal(
        400,
        `\`${key}\`: inside the JSON field ${inner.name} only ` +
          `${[...JSON_PATH_OPERATORS].join(', ')} work.`,
      )
    }
    const field = fieldAt(fields, path)
    if (operator === 'all' && field && !field.hasMany) {
      return refusal(400, `\`${key}\`: all works only on fields that hold several values.`)
    }
    const items = LIST_OPERATORS.has(operator) ? value.split(',') : [value]
    for (const item of items) {
      const shown = item.slice(0, 40)
      if (NUMBER.test(item.trim()) && !Number.isFinite(Number(item))) {
        return refusal(400, `\`${key}\`: ${shown} is not a finite number.`)
      }
      if (operator === 'exists') {
        if (!['true', 'false'].includes(item)) {
          return refusal(400, `\`${key}\`: exists takes true or false.`)
        }
        continue
      }
      // Payload reads the word null as null for any field.
      if (!field || item === 'null') continue
      const type = field.name === 'id' ? (numericIds ? 'number' : 'text') : field.type
      if (TEXT_OPERATORS.has(operator)) {
        // contains also matches one value of a field that holds several.
        if (NOT_TEXT.has(type) && !(operator === 'contains' && field.hasMany)) {
          return refusal(
            400,
            `\`${key}\`: ${operator} works on text fields, not on ${type} fields.`,
          )
        }
        continue
      }
      if (type === 'date' && Number.isNaN(Date.parse(item))) {
        return refusal(400, `\`${key}\`: ${shown} is not a date.`)
      }
      const numeric =
        type === 'number' ||
        (numericIds &&
          (type === 'relationship' || type === 'upload') &&
          typeof field.relationTo === 'string')
      if (numeric && (item.trim() === '' || !Number.isFinite(Number(item)))) {
        return refusal(400, `\`${key}\`: ${shown} is not a number.`)
      }
      const objectId =
        objectIds &&
        (field.name === 'id' ||
          ((type === 'relationship' || type === 'upload') && typeof field.relationTo === 'string'))
      if (objectId && !OBJECT_ID.test(item)) {
        return refusal(400, `\`${key}\`: ${shown} is not a document id.`)
      }
      if (type === 'checkbox' && !['true', 'false'].includes(item)) {
        return refusal(400, `\`${key}\`: ${shown} is not true or false.`)
      }
    }
  }
  return undefined
}

type Field = {
  name: string
  type: string
  localized?: boolean
  hasMany?: boolean
  relationTo?: string | (string[] & { includes?: unknown })
  flattenedFields?: Field[]
}

/** The field a where path names (through groups and tabs), when it names one. */
function fieldAt(fields: Field[], path: string[]): Field | undefined {
  const parts = path.flatMap((p) => p.split('.'))
  let current: Field | undefined
  let scope: Field[] | undefined = fields
  for (const part of parts) {
    current = scope?.find((f) => f.name === part)
    if (!current) return undefined
    scope = current.flattenedFields
  }
  return current
}

/**
 * A rich-text or JSON field that a where path reaches into (`body.root`, `changes.id`): the SQL
 * adapters build a valid query for that only in a few cases and otherwise fail in the database.
 */
function structuredFieldOnPath(fields: Field[], path: string[]): Field | undefined {
  const parts = path.flatMap((p) => p.split('.'))
  // A versions query names the document's fields under `version.`.
  if (parts[0] === 'version' && !fields.some((f) => f.name === 'version')) parts.shift()
  let scope: Field[] | undefined = fields
  for (const [i, part] of parts.entries()) {
    const field: Field | undefined = scope?.find((f) => f.name === part)
    if (!field) return undefined
    const structured = field.type === 'richText' || field.type === 'json'
    if (structured && i < parts.length - 1) return field
    scope = field.flattenedFields
  }
  return undefined
}

type RouteEndpoint = { path: string; method: string }

/** The route parameters of the first endpoint Payload would pick for this path, if any. */
function routeParams(
  endpoints: RouteEndpoint[],
  method: string,
  rest: string[],
): { path: string; params: Record<string, string> } | undefined {
  for (const endpoint of endpoints) {
    if (endpoint.method !== method) continue
    const pattern = endpoint.path.split('/').filter(Boolean)
    const params: Record<string, string> = {}
    const fits = pattern.every((part, i) => {
      if (!part.startsWith(':')) return rest[i] === part
      if (rest[i] === undefined) return part.endsWith('?')
      params[part.slice(1).replace(/\?$/, '')] = rest[i]
      return true
    })
    if (fits && rest.length <= pattern.length) return { path: endpoint.path, params }
  }
  return undefined
}

/**
 * A document id in the path must have the database's id shape: Payload turns any other value
 * into NaN (SQL) or an uncastable ObjectId and the query fails in the adapter.
 */
function checkRouteIds(
  collection: { endpoints?: unknown; auth?: { verify?: unknown } } | undefined,
  method: string,
  slug: string[],
  idShape: 'number' | 'objectId' | 'any',
): Response | undefined {
  if (!collection || !Array.isArray(collection.endpoints)) return undefined
  const route = routeParams(collection.endpoints as RouteEndpoint[], method, slug.slice(1))
  if (!route) return undefined
  // Payload names the verification token `id` in this route.
  if (route.path.startsWith('/verify/')) {
    if (collection.auth?.verify) return undefined
    return refusal(
      404,
      `Email verification is not used for ${slug[0]}: there is nothing to verify.`,
    )
  }
  const id = route.params.id
  if (id === undefined || idShape === 'any') return undefined
  const number = idShape === 'number'
  if (number ? /^\d{1,15}$/.test(id) : OBJECT_ID.test(id)) return undefined
  return refusal(
    400,
    `${id.slice(0, 40)} is not a document id: ids here are ` +
      `${number ? 'whole numbers' : '24 hexadecimal digits'}.`,
  )
}

const PAGING = ['limit', 'page', 'depth']

// The admin reads long queries (a relationship picker's options) as POST with an override header and
// the query string as a urlencoded body; Payload answers them as GETs.
const isOverriddenGet = (request: Request) =>
  request.method === 'POST' &&
  (
    request.headers.get('x-payload-http-method-override') ??
    request.headers.get('x-http-method-override')
  )?.toUpperCase() === 'GET' &&
  /^application\/x-www-form-urlencoded/i.test(request.headers.get('content-type') ?? '')

async function checkRest(request: Request, config: Config, slug: string[]) {
  const url = new URL(request.url)
  if (!pathDecodes(url.pathname)) return refusal(400, UNDECODABLE_PATH)
  const overridden = isOverriddenGet(request)
  if (overridden) {
    for (const [key, value] of new URLSearchParams(await request.clone().text())) {
      url.searchParams.append(key, value)
    }
  }
  for (const segment of slug) {
    if (NUMBER.test(segment) && !Number.isFinite(Number(segment))) {
      return refusal(400, `${segment.slice(0, 40)} is not a valid id: it is not a finite number.`)
    }
  }
  for (const name of PAGING) {
    const value = url.searchParams.get(name)
    if (value !== null && !/^\d{1,9}$/.test(value)) {
      return refusal(400, `\`${name}\` must be a whole number of 0 or more.`)
    }
  }
  const sanitized = await config
  const collection = sanitized.collections.find((c) => c.slug === slug[0])
  const global =
    slug[0] === 'globals' ? sanitized.globals.find((g) => g.slug === slug[1]) : undefined
  // Payload answers 501 Not Implemented for these (its own migrations and the like).
  const name = global ? slug[1] : slug[0]
  if (collection?.endpoints === false || global?.endpoints === false) {
    return refusal(404, `${name} has no REST API.`)
  }
  // Payload's versions routes exist for every collection and fail in the adapter without versions.
  const versionsRoute = (global ? slug[2] : slug[1]) === 'versions'
  if (versionsRoute && (collection ?? global) && !(collection ?? global)?.versions) {
    return refusal(404, `${name} keeps no versions.`)
  }
  const payload = await getPayload({ config })
  const numericIds = payload.db.defaultIDType === 'number'
  const ids = checkRouteIds(
    collection,
    overridden ? 'get' : request.method.toLowerCase(),
    slug,
    numericIds ? 'number' : payload.db.name === 'mongoose' ? 'objectId' : 'any',
  )
  if (ids) return ids
  const fields = ((collection ?? global)?.flattenedFields ?? []) as unknown as Field[]
  const where = checkWhere(url, fields, numericIds, payload.db.name === 'mongoose')
  if (where) return where
  const sort = url.searchParams.get('sort')
  if (sort !== null && !sort.split(',').every((name) => SORT_FIELD.test(name.trim()))) {
    return refusal(
      400,
      '`sort` takes field names separated by commas, each optionally starting with - (descending).',
    )
  }
  if (
    !overridden &&
    request.method !== 'GET' &&
    request.method !== 'OPTIONS' &&
    request.method !== 'HEAD'
  ) {
    const type = checkContentType(request)
    if (type) return type
    if (isJson(request)) {
      const body = await checkJsonBody(request)
      if (body instanceof Response) return body
    } else if (
      request.method !== 'DELETE' &&
      !/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '') &&
      (await request.clone().arrayBuffer()).byteLength > 0
    ) {
      return refusal(415, 'Send the body as JSON (application/json) or multipart/form-data.')
    }
  }
  return undefined
}

// The fragment rules need no types, but graphql validates against some schema.
const EMPTY_SCHEMA = buildSchema('type Query { _: Boolean }')

/**
 * What Payload's GraphQL handler assumes before it runs: a JSON object with a query it can
 * parse, no subscription, and fragments that exist and do not loop (its complexity rule follows
 * fragment spreads without checking either).
 */
async function checkGraphQL(request: Request) {
  const type = checkContentType(request)
  if (type) return type
  if (!isJson(request)) {
    return refusal(415, 'Send GraphQL requests as JSON (content-type: application/json).')
  }
  const body = await checkJsonBody(request)
  if (body instanceof Response) return body
  const query = (body as { query?: unknown } | undefined)?.query
  if (typeof query !== 'string') return refusal(400, 'The body needs a `query` string.')
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: 10_000 })
  } catch (error) {
    return refusal(400, `The query does not parse: ${(error as Error).message}`)
  }
  if (
    document.definitions.some(
      (d) => d.kind === 'OperationDefinition' && d.operation === 'subscription',
    )
  ) {
    return refusal(400, 'Subscriptions are not supported: use a query or a mutation.')
  }
  const errors = validate(EMPTY_SCHEMA, document, [NoFragmentCyclesRule, KnownFragmentNamesRule])
  if (errors.length > 0) return refusal(400, errors.map((e) => e.message).join(' '))
  return undefined
}

/**
 * An exception a route handler throws (Payload's GraphQL handler parses the body outside its own
 * error handling): a request mistake becomes a 400, anything else a 500 logged through Payload's
 * redacting logger.
 */
async function answerThrown(config: Config, error: unknown): Promise<Response> {
  const client = clientErrorOf(error)
  if (client) return refusal(client.status, client.message)
  const payload = await getPayload({ config })
  payload.logger.error({ msg: 'API route failed', err: error })
  return refusal(500, 'Something went wrong.')
}

function guarded<A extends unknown[]>(
  config: Config,
  limits: BodyLimits,
  check: (request: Request, ...args: A) => Promise<Response | undefined>,
  handler: (request: Request, ...args: A) => Promise<Response>,
) {
  return async (sent: Request, ...args: A): Promise<Response> => {
    try {
      // Before anything reads the body: the checks below and Payload each buffer it whole.
      const request = await withinBodyLimit(sent, limits)
      const refused = request instanceof Response ? request : await check(request, ...args)
      if (!refused) return await handler(request as Request, ...args)
      // At info and without the reason, which quotes what was sent.
      const payload = await getPayload({ config })
      payload.logger.info({
        msg: 'API request refused',
        status: refused.status,
        method: sent.method,
        path: new URL(sent.url).pathname,
      })
      return refused
    } catch (error) {
      return answerThrown(config, error)
    }
  }
}

/**
 * Payload's REST and GraphQL route handlers as the Next routes under src/app/(payload)/api
 * export them, behind the checks above. Errors Payload itself catches are mapped to 4xx by
 * the `afterError` hook in payload.config.ts (src/http/answerClientErrors.ts).
 */
export function payloadRoutes(config: Config, limits: BodyLimits = apiBodyLimits()) {
  const rest = (handler: RestHandler) =>
    guarded(
      config,
      limits,
      async (request: Request, args: RestArgs) =>
        checkRest(request, config, (await args.params)?.slug ?? []),
      handler,
    )
  return {
    GET: rest(REST_GET(config)),
    POST: rest(REST_POST(config)),
    DELETE: rest(REST_DELETE(config)),
    PATCH: rest(REST_PATCH(config)),
    PUT: rest(REST_PUT(config)),
    OPTIONS: REST_OPTIONS(config),
    GRAPHQL_POST: guarded(config, limits, checkGraphQL, GRAPHQL_POST(config)),
    /** Any other method on /api/graphql. */
    GRAPHQL_OTHER: async () =>
      refusal(405, "Payload's GraphQL endpoint takes POST requests.", { allow: 'POST, OPTIONS' }),
  }
}
