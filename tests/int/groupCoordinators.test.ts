/**
 * Who can coordinate a group, and what the public is told when nobody does. Saves go through the
 * Local API as real signed-in users (overrideAccess: false) on a real database; the join answer
 * through Haven's public GraphQL over HTTP on 127.0.0.1.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'
import { ValidationError } from 'payload'

import { createApi } from '../../site/api'
import { groupPage } from '../../site/render/pages'
import { COORDINATOR_ACCOUNTS } from '../../collections/SupportGroups/coordinatorsField'
import { issueFormToken } from '../../src/joinRequests/formToken'
import { createUser } from '../helpers/fixtures'
import { startPayload, type TestPayload } from '../helpers/payload'
import { startApi, type Api } from '../helpers/graphqlApi'

jest.setTimeout(120_000)

type User = Awaited<ReturnType<typeof createUser>>

let t: TestPayload
let payload: Payload
let api: Api
let admin: User
let coordinator: User
let editor: User

const MUTATION = `mutation Join($group: ID!, $formToken: String!) {
  requestToJoinGroup(group: $group, name: "Robin", contact: "robin@example.org",
    consent: true, formToken: $formToken) { ok message }
}`

beforeAll(async () => {
  t = await startPayload({
    HAVEN_JOIN_RATE_PER_IP: '1000',
    HAVEN_PUBLIC_CONTACT: 'hello@charity.example.org',
  })
  payload = t.payload
  admin = await createUser(payload, ['admin'], 'Ada Admin')
  coordinator = await createUser(payload, ['coordinator'], 'Cora Coordinator')
  editor = await createUser(payload, ['editor'], 'Eddie Editor')
  api = await startApi(payload)
})

afterAll(async () => {
  delete process.env.HAVEN_PUBLIC_CONTACT
  await api?.stop()
  await t?.stop()
})

const saveAsAdmin = (data: Record<string, unknown>) =>
  payload.create({
    collection: 'support-groups',
    data: { name: `Group ${Math.random()}`, ...data } as never,
    user: admin,
    overrideAccess: false,
  })

async function refusal(work: Promise<unknown>): Promise<ValidationError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ValidationError)
  return err as ValidationError
}

describe('assigning coordinators', () => {
  it('the picker offers accounts with the coordinator role only', async () => {
    const offered = await payload.find({
      collection: 'users',
      where: COORDINATOR_ACCOUNTS,
      user: admin,
      overrideAccess: false,
      depth: 0,
      pagination: false,
    })
    expect(offered.docs.map((u) => u.id)).toEqual([coordinator.id])
  })

  it('saves a coordinator', async () => {
    const group = await saveAsAdmin({ coordinators: [coordinator.id] })
    const stored = await payload.findByID({ collection: 'support-groups', id: group.id, depth: 0 })
    expect(stored.coordinators).toEqual([coordinator.id])
  })

  it('refuses a non-coordinator with a 400 naming the account, on create and on update', async () => {
    const created = await refusal(saveAsAdmin({ coordinators: [coordinator.id, editor.id] }))
    expect(created.status).toBe(400)
    const [error] = created.data.errors
    expect(error.path).toBe('coordinators')
    expect(error.message).toContain('Only accounts with the coordinator role can coordinate')
    expect(error.message).toContain('“Eddie Editor”')
    expect(error.message).not.toContain('Cora')

    const group = await saveAsAdmin({ coordinators: [coordinator.id] })
    const updated = await refusal(
      payload.update({
        collection: 'support-groups',
        id: group.id,
        data: { coordinators: [admin.id] },
        user: admin,
        overrideAccess: false,
      }),
    )
    expect(updated.status).toBe(400)
    expect(updated.data.errors[0].message).toContain('“Ada Admin”')
    const stored = await payload.findByID({ collection: 'support-groups', id: group.id, depth: 0 })
    expect(stored.coordinators).toEqual([coordinator.id])
  })
})

describe('joining a group nobody coordinates', () => {
  it('refuses online with a 409 that gives another way to reach the organisation', async () => {
    const group = await saveAsAdmin({ coordinators: [], _status: 'published' })
    const before = await payload.count({ collection: 'join-requests' })
    const res = await api.post(MUTATION, {
      group: String(group.id),
      formToken: issueFormToken(payload.secret, String(group.id), new Date(Date.now() - 60_000)),
    })
    expect(res.status).toBe(409)
    expect(res.json.errors[0].extensions.code).toBe('NOT_TAKEN_ONLINE')
    expect(res.json.errors[0].message).toBe(
      'This group does not take join requests online at the moment. To ask about joining, contact hello@charity.example.org.',
    )
    expect(res.text).not.toContain('coordinators, who will contact you')
    expect(await payload.count({ collection: 'join-requests' })).toEqual(before)
  })

  it('still sends a request to a group with a coordinator', async () => {
    const group = await saveAsAdmin({ coordinators: [coordinator.id], _status: 'published' })
    const res = await api.post(MUTATION, {
      group: String(group.id),
      formToken: issueFormToken(payload.secret, String(group.id), new Date(Date.now() - 60_000)),
    })
    // The whole answer, so a refusal shows why.
    expect({ status: res.status, errors: res.json.errors }).toEqual({
      status: 200,
      errors: undefined,
    })
    expect(res.json.data.requestToJoinGroup.message).toContain("group's coordinators")
  })

  it('the public API and the reader site show the closed form with the other way to reach us', async () => {
    const nobodys = await saveAsAdmin({ coordinators: [], _status: 'published' })
    const coordinated = await saveAsAdmin({ coordinators: [coordinator.id], _status: 'published' })
    const site = createApi(`${api.url}/graphql`)
    const closed = (await site.group(String(nobodys.slug), 'en'))!
    expect(closed).toMatchObject({
      takesJoinRequestsOnline: false,
      joinContact: 'hello@charity.example.org',
    })
    const closedPage = groupPage('en', closed, { joinable: true }).value
    expect(closedPage).toContain('does not take join requests online')
    expect(closedPage).toContain('contact hello@charity.example.org')
    expect(closedPage).not.toContain('/join"')

    const open = (await site.group(String(coordinated.slug), 'en'))!
    expect(open.takesJoinRequestsOnline).toBe(true)
    const openPage = groupPage('en', open, { joinable: true }).value
    expect(openPage).toContain('/join"')
    expect(openPage).not.toContain('does not take join requests online')
  })
})
