/**
 * What the admin form shows each role, worked out the way the form does: Payload's document
 * permissions (docAccessOperation, as the edit view loads them) walked with Payload's own
 * getFieldPermissions, field by field through groups, rows and collapsibles. Every field a role
 * can read through the Local API must come out readable in the form (and not hidden by config
 * without a reason listed here); fields an approval records must come out read-only for editors,
 * while an editor's save that changes them is still refused with a message naming the field.
 */
import { jest } from '@jest/globals'
import type { Field, Payload, PayloadRequest, SanitizedCollectionPermission } from 'payload'
import { createLocalReq, docAccessOperation, ValidationError } from 'payload'
import { getFieldPermissions } from 'payload/shared'

import { body, createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'

jest.setTimeout(120_000)

type User = Awaited<ReturnType<typeof createUser>>
type Shown = { path: string; read: boolean; editable: boolean; hidden: boolean }

// Fields kept out of the form on purpose, with the reason.
const HIDDEN_ON_PURPOSE: Record<string, string> = {
  createdAt: 'Payload shows it in the document header, not as a field.',
  updatedAt: 'Payload shows it in the document header, not as a field.',
  importHash: 'Bookkeeping of the importer (re-import detection); nothing a person edits.',
  'review.approvedFingerprint': 'What was approved, compared by the workflow; not for people.',
  'review.contentFingerprint': 'The current text’s fingerprint, kept by hooks; not for people.',
}

let t: TestPayload
let payload: Payload
const users: Record<'admin' | 'editor' | 'reviewer' | 'coordinator', User> = {} as never

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  for (const role of ['admin', 'editor', 'reviewer', 'coordinator'] as const) {
    users[role] = await createUser(payload, [role])
  }
})

afterAll(async () => {
  await t?.stop()
})

async function permissionsOf(user: User, collection: 'articles' | 'support-groups', id: unknown) {
  const req = (await createLocalReq(
    { user: { ...user, collection: 'users' } as never },
    payload,
  )) as PayloadRequest
  return docAccessOperation({ id, collection: payload.collections[collection], req } as never)
}

/** Each named field as the form would treat it, read the way RenderFields reads permissions. */
function walk(
  fields: Field[],
  permissions: SanitizedCollectionPermission['fields'] | undefined,
  prefix = '',
  parentHidden = false,
): Shown[] {
  return fields.flatMap((field): Shown[] => {
    const {
      read,
      operation,
      permissions: own,
    } = getFieldPermissions({
      field,
      operation: 'update',
      parentName: prefix.split('.').at(-2) ?? '',
      permissions: permissions as never,
    })
    const admin = (field as { admin?: { hidden?: boolean; disabled?: boolean } }).admin ?? {}
    const hidden = parentHidden || Boolean(admin.hidden || admin.disabled || 'hidden' in field)
    if (!('name' in field) || !field.name) {
      return 'fields' in field ? walk(field.fields as Field[], permissions, prefix, hidden) : []
    }
    const path = `${prefix}${field.name}`
    const self: Shown = { path, read, editable: operation, hidden }
    if (field.type === 'group' || field.type === 'array') {
      const inner = own === true ? true : (own as { fields?: unknown })?.fields
      return [self, ...walk(field.fields, inner as never, `${path}.`, hidden || !read)]
    }
    return [self]
  })
}

/** Dotted paths of every value a read with the user's access returns, without array indexes. */
function readablePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => readablePaths(v, prefix))
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) => {
    const path = `${prefix}${key}`
    const inner = v && typeof v === 'object' && !Array.isArray(v) && !('id' in v) ? v : null
    return [path, ...(inner ? readablePaths(inner, `${path}.`) : [])]
  })
}

async function expectEveryReadableFieldShown(
  user: User,
  collection: 'articles' | 'support-groups',
  id: number | string,
) {
  const doc = await payload.findByID({ collection, id, user, overrideAccess: false, depth: 0 })
  const shown = walk(
    payload.collections[collection].config.fields,
    (await permissionsOf(user, collection, id)).fields,
  )
  const byPath = new Map(shown.map((s) => [s.path, s]))
  const missing = readablePaths(doc)
    .filter((path) => byPath.has(path))
    .filter((path) => {
      const s = byPath.get(path)!
      return !s.read || (s.hidden && !HIDDEN_ON_PURPOSE[path])
    })
  expect(missing).toEqual([])
  return byPath
}

describe('the form shows every field a role may read', () => {
  it('support groups, to an admin and to the group’s coordinator, including the facilitator contact', async () => {
    const group = await payload.create({
      collection: 'support-groups',
      data: {
        name: 'Rendered circle',
        coordinators: [users.coordinator.id],
        private: {
          address: '1 High Street',
          facilitatorContact: { name: 'Fran', phone: '0100 000000', email: 'fran@example.org' },
        },
      } as never,
    })
    for (const role of ['admin', 'coordinator'] as const) {
      const shown = await expectEveryReadableFieldShown(users[role], 'support-groups', group.id)
      for (const leaf of ['name', 'phone', 'email']) {
        expect(shown.get(`private.facilitatorContact.${leaf}`)).toMatchObject({
          read: true,
          editable: true,
          hidden: false,
        })
      }
    }
  })

  it('articles, to each staff role', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: { title: 'Rendered article', body: body('Some text.') } as never,
      draft: true,
    })
    for (const role of ['admin', 'editor', 'reviewer'] as const) {
      await expectEveryReadableFieldShown(users[role], 'articles', article.id)
    }
  })
})

describe('fields an approval records', () => {
  const RECORD = ['reviewer', 'lastReviewedAt', 'nextReviewDue']

  it('are read-only for editors and editable for reviewers and admins', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: { title: 'Record article', body: body('Some text.') } as never,
      draft: true,
    })
    const expectations = { editor: false, reviewer: true, admin: true } as const
    for (const [role, editable] of Object.entries(expectations)) {
      const user = users[role as keyof typeof expectations]
      const shown = walk(
        payload.collections.articles.config.fields,
        (await permissionsOf(user, 'articles', article.id)).fields,
      )
      for (const path of RECORD) {
        expect({ role, ...shown.find((s) => s.path === path) }).toMatchObject({
          role,
          path,
          read: true,
          editable,
        })
      }
      // The rest of the form stays editable for editors.
      expect(shown.find((s) => s.path === 'title')?.editable).toBe(true)
    }
  })

  it('an editor’s save that changes one is still refused by name, not dropped', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: 'Refused article',
        body: body('Some text.'),
        author: users.editor.id,
      } as never,
      draft: true,
    })
    const err = await payload
      .update({
        collection: 'articles',
        id: article.id,
        draft: true,
        data: { reviewer: users.reviewer.id } as never,
        user: users.editor,
        overrideAccess: false,
      })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).data.errors[0].message).toContain(
      'Only a reviewer can change “Reviewer”',
    )
  })
})
