import type { Payload } from 'payload'

import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createGroup } from '../helpers/graphqlApi'

// Staff accounts carry emails and sign-in sessions: a coordinator reads only their own account,
// and nobody but the account holder sees its sessions, however deep a read populates users.
let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
}, 120_000)

afterAll(async () => {
  await t?.stop()
}, 60_000)

async function signedIn(roles: Parameters<typeof createUser>[1]) {
  const user = await createUser(payload, roles)
  await payload.login({
    collection: 'users',
    data: { email: user.email, password: 'correct-horse-battery-staple' },
  })
  return (await payload.findByID({ collection: 'users', id: user.id })) as typeof user
}

describe('reading staff accounts', () => {
  it('a coordinator reads their own account and not a co-coordinator’s', async () => {
    const me = await signedIn(['coordinator'])
    const colleague = await signedIn(['coordinator'])
    const group = await createGroup(payload, {
      name: 'Shared group',
      coordinators: [me.id, colleague.id],
    })
    const users = await payload.find({ collection: 'users', user: me, overrideAccess: false })
    expect(users.docs.map((u) => u.id)).toEqual([me.id])
    const read = await payload.findByID({
      collection: 'support-groups',
      id: group.id,
      depth: 2,
      user: me,
      overrideAccess: false,
    })
    const text = JSON.stringify(read)
    expect(text).not.toContain(colleague.email)
    expect(read.coordinators).toEqual([expect.objectContaining({ id: me.id }), colleague.id])
  })

  it('a signed-in reader sees only their own sessions', async () => {
    const editor = await signedIn(['editor'])
    const other = await signedIn(['editor'])
    expect(other.sessions?.length).toBeGreaterThan(0)
    const asEditor = await payload.findByID({
      collection: 'users',
      id: other.id,
      user: editor,
      overrideAccess: false,
    })
    expect(asEditor.sessions).toBeUndefined()
    expect(asEditor.displayName).toBe(other.displayName)
    const own = await payload.findByID({
      collection: 'users',
      id: editor.id,
      user: editor,
      overrideAccess: false,
    })
    expect(own.sessions?.length).toBeGreaterThan(0)
  })
})
