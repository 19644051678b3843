import type { Payload } from 'payload'

import { publicMeetingLinks } from '../../src/graphql/feeds/publicMeetingLinks'
import { startPayload, type TestPayload } from '../helpers/payload'
import { createGroup, startApi, type Api } from '../helpers/graphqlApi'

let t: TestPayload
let payload: Payload
let api: Api
const ids: Record<string, number> = {}

const link = (room: string, isPublic: boolean) => ({
  meetingLink: `https://meet.example.test/${room}`,
  meetingLinkIsPublic: isPublic,
  address: '2 Private Lane',
  facilitatorContact: { name: 'Jo Bloggs', phone: '+44 7700 900001' },
})

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  ids.online = (
    await createGroup(payload, {
      name: 'Online evening',
      format: 'online',
      languages: ['es'],
      openToNewMembers: true,
      area: { city: 'Madrid', country: 'ES' },
      schedule: {
        timezone: 'Europe/Madrid',
        weekly: [{ weekdays: ['monday', 'friday'], startTime: '19:00', endTime: '20:30' }],
      },
      private: link('public-room', true),
    })
  ).id
  ids.hidden = (
    await createGroup(payload, {
      name: 'Online hidden',
      format: 'online',
      private: link('hidden-room', false),
    })
  ).id
  ids.inPerson = (
    await createGroup(payload, {
      name: 'Room only',
      format: 'in-person',
      openToNewMembers: false,
      private: link('room-link', true),
    })
  ).id
  api = await startApi(payload)
}, 120_000)

afterAll(async () => {
  await api?.stop()
  await t?.stop()
}, 60_000)

describe('Meeting Guide feed', () => {
  it('publicMeetingLinks returns only links marked public, and nothing else private', async () => {
    const links = await publicMeetingLinks(payload, [ids.online, ids.hidden, ids.inPerson])
    expect(Object.fromEntries(links)).toEqual({
      [String(ids.online)]: 'https://meet.example.test/public-room',
      [String(ids.inPerson)]: 'https://meet.example.test/room-link',
    })
    expect(JSON.stringify([...links])).not.toMatch(/Private Lane|Bloggs|7700/)
  })

  it('serves one entry per weekly day and time, with a public link only for online groups', async () => {
    const res = await fetch(`${api.url}/feeds/meeting-guide.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('max-age=300, public')
    const text = await res.text()
    expect(text).not.toMatch(/Private Lane|Bloggs|7700|hidden-room|room-link/)
    const feed = JSON.parse(text)
    const online = feed.filter((m: { group: string }) => m.group === 'Online evening')
    expect(online).toEqual([
      expect.objectContaining({
        slug: 'online-evening-mon-1900',
        day: 1,
        time: '19:00',
        end_time: '20:30',
        timezone: 'Europe/Madrid',
        types: ['O', 'S'],
        attendance_option: 'online',
        conference_url: 'https://meet.example.test/public-room',
        formatted_address: 'Madrid, ES',
        approximate: 'yes',
      }),
      expect.objectContaining({ slug: 'online-evening-fri-1900', day: 5 }),
    ])
    const room = feed.find((m: { group: string }) => m.group === 'Room only')
    expect(room).toMatchObject({ types: ['C'], attendance_option: 'in_person' })
    expect(room.conference_url).toBeUndefined()
    const hidden = feed.find((m: { group: string }) => m.group === 'Online hidden')
    expect(hidden.conference_url).toBeUndefined()
    for (const entry of feed) expect(entry).not.toHaveProperty('latitude')
  })
})
