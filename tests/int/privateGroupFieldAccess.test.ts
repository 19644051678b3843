/**
 * The field rule for a group's private details, asked on its own: each call uses a fresh request
 * on which no collection rule has run, so the answer can only come from the stored group and its
 * stored versions. Payload hands the rule a document (with its id) on reads of a group, and a
 * version's bare content (no id, no parent) on reads of its history; both are tried here.
 */
import { jest } from '@jest/globals'
import { createLocalReq, type FieldAccess, type Payload, type PayloadRequest } from 'payload'

import { privateGroupFieldAccess } from '../../src/access/privateGroupFieldAccess'
import type { SupportGroup, User } from '../../src/payload-types'
import { createUser } from '../helpers/fixtures'
import { createGroup } from '../helpers/graphqlApi'
import { startPayload, type TestPayload } from '../helpers/payload'

jest.setTimeout(60_000)

type Caller = 'admin' | 'coordinatorOfA' | 'coordinatorOfB' | 'editor' | 'anonymous'

let t: TestPayload
let payload: Payload
const users: Partial<Record<Caller, User>> = {}
let groupA: SupportGroup
let versionOfA: Record<string, unknown>

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  users.admin = await createUser(payload, ['admin'])
  users.coordinatorOfA = await createUser(payload, ['coordinator'])
  users.coordinatorOfB = await createUser(payload, ['coordinator'])
  users.editor = await createUser(payload, ['editor'])
  const a = await createGroup(payload, {
    name: 'Group A',
    coordinators: [users.coordinatorOfA.id],
    private: { internalNotes: 'notes of A' },
  })
  await createGroup(payload, {
    name: 'Group B',
    coordinators: [users.coordinatorOfB.id],
    private: { internalNotes: 'notes of B' },
  })
  groupA = (await payload.findByID({ collection: 'support-groups', id: a.id, depth: 0 })) as never
  const { docs } = await payload.findVersions({
    collection: 'support-groups',
    where: { parent: { equals: a.id } },
    depth: 0,
  })
  versionOfA = docs[0].version as unknown as Record<string, unknown>
}, 120_000)
afterAll(async () => {
  await t?.stop()
})

async function ask(caller: Caller, doc: Record<string, unknown>): Promise<boolean> {
  const user = users[caller as Exclude<Caller, 'anonymous'>]
  const req = (await createLocalReq(
    { user: user ? { ...user, collection: 'users' } : undefined },
    payload,
  )) as PayloadRequest
  const rule = privateGroupFieldAccess as FieldAccess
  return Boolean(await rule({ req, doc, id: doc.id as string | number | undefined, data: doc }))
}

const expected: Array<[Caller, boolean]> = [
  ['admin', true],
  ['coordinatorOfA', true],
  ['coordinatorOfB', false],
  ['editor', false],
  ['anonymous', false],
]

describe('privateGroupFieldAccess decides alone, from stored data', () => {
  it('the version handed to the rule carries no id or parent, as Payload passes it', () => {
    expect(versionOfA.id).toBeUndefined()
    expect(versionOfA.parent).toBeUndefined()
    expect(versionOfA.name).toBe('Group A')
  })

  it.each(expected)('on the group itself, %s: %s', async (caller, allowed) => {
    expect(await ask(caller, groupA as unknown as Record<string, unknown>)).toBe(allowed)
  })

  it.each(expected)('on a version of the group, %s: %s', async (caller, allowed) => {
    expect(await ask(caller, versionOfA)).toBe(allowed)
  })

  it('a version content without its timestamps names no group: only admins', async () => {
    const { createdAt: _c, updatedAt: _u, ...bare } = versionOfA
    expect(await ask('coordinatorOfA', bare)).toBe(false)
    expect(await ask('admin', bare)).toBe(true)
  })

  it("a copy of A's content with B's id is judged by B", async () => {
    const forged = { ...versionOfA, id: undefined }
    const ofB = (
      await payload.find({ collection: 'support-groups', where: { name: { equals: 'Group B' } } })
    ).docs[0]
    expect(await ask('coordinatorOfA', { ...forged, id: ofB.id })).toBe(false)
    expect(await ask('coordinatorOfB', { ...forged, id: ofB.id })).toBe(true)
  })
})
