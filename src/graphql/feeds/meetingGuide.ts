import type { Payload } from 'payload'

import type { GroupDoc } from '../content/groups'
import { GROUP_SELECT } from '../content/selects'
import { publicMeetingLinks } from './publicMeetingLinks'

/** One meeting in code4recovery's Meeting Guide format (github.com/code4recovery/spec). */
export type MeetingGuideEntry = {
  name: string
  slug: string
  day: number
  time: string
  end_time?: string
  timezone: string
  types: string[]
  attendance_option: 'in_person' | 'online' | 'hybrid'
  formatted_address?: string
  city?: string
  state?: string
  country?: string
  regions?: string[]
  approximate: 'yes'
  conference_url?: string
  notes?: string
  group: string
  updated: string
}

const DAY_NUMBER: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
}

// The spec's language type codes for the languages Haven groups list most.
const LANGUAGE_TYPES: Record<string, string> = {
  en: 'EN',
  es: 'S',
  fr: 'FR',
  de: 'DE',
  it: 'ITA',
  pt: 'POR',
  pl: 'POL',
  ru: 'RUS',
  uk: 'UK',
  ja: 'JA',
  ko: 'KOR',
  hi: 'HI',
}

const ATTENDANCE = { 'in-person': 'in_person', online: 'online', hybrid: 'hybrid' } as const

const updated = (iso: string | undefined) =>
  (iso ? new Date(iso) : new Date()).toISOString().slice(0, 19).replace('T', ' ')

/**
 * The Meeting Guide entries of one group, one per weekly day and time. Anonymity: the feed names
 * groups, never people, and gives only the group's public, approximate area (never the meeting
 * address), so `approximate` is always "yes" and no coordinates are sent.
 */
export function toMeetingGuide(group: GroupDoc, conferenceUrl?: string): MeetingGuideEntry[] {
  const area = group.area ?? {}
  const place = [area.city, area.region, area.country].filter(Boolean) as string[]
  const types = [group.openToNewMembers ? 'O' : 'C']
  for (const lang of group.languages ?? [])
    if (LANGUAGE_TYPES[lang]) types.push(LANGUAGE_TYPES[lang])
  const format = group.format ?? 'in-person'
  const online = format !== 'in-person' && conferenceUrl
  const entries: MeetingGuideEntry[] = []
  for (const slot of group.schedule?.weekly ?? []) {
    for (const weekday of slot.weekdays ?? []) {
      const time = slot.startTime
      entries.push({
        name: group.name ?? '',
        slug: `${group.slug}-${weekday.slice(0, 3)}-${time.replace(':', '')}`,
        day: DAY_NUMBER[weekday],
        time,
        ...(slot.endTime ? { end_time: slot.endTime } : {}),
        timezone: group.schedule?.timezone ?? 'UTC',
        types: [...types],
        attendance_option: ATTENDANCE[format],
        ...(place.length ? { formatted_address: place.join(', ') } : {}),
        ...(area.city ? { city: area.city } : {}),
        ...(area.region ? { state: area.region } : {}),
        ...(area.country ? { country: area.country } : {}),
        ...(place.length
          ? {
              regions: place
                .slice()
                .reverse()
                .filter((p) => p !== area.country),
            }
          : {}),
        approximate: 'yes',
        ...(online ? { conference_url: conferenceUrl } : {}),
        ...(group.description ? { notes: group.description } : {}),
        group: group.name ?? '',
        updated: updated(group.updatedAt),
      })
    }
  }
  return entries
}

/** The whole feed: every published group with a weekly schedule, in English. */
export async function buildMeetingGuideFeed(payload: Payload): Promise<MeetingGuideEntry[]> {
  const { docs } = await payload.find({
    collection: 'support-groups',
    where: { _status: { equals: 'published' } },
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'slug',
    locale: 'en',
    fallbackLocale: 'en',
    select: GROUP_SELECT,
  })
  const groups = docs as GroupDoc[]
  const remote = groups.filter((g) => g.format === 'online' || g.format === 'hybrid')
  const links = await publicMeetingLinks(
    payload,
    remote.map((g) => g.id),
  )
  return groups.flatMap((g) => toMeetingGuide(g, links.get(String(g.id))))
}
