import { DateTime } from 'luxon'

export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const

export type Weekday = (typeof WEEKDAY_NAMES)[number]

export type Schedule = {
  timezone: string
  weekly?: Array<{ weekdays: string[]; startTime: string; endTime?: string | null }> | null
  oneOff?: Array<{
    date: string
    startTime: string
    endTime?: string | null
    note?: string | null
  }> | null
}

export type Meeting = {
  start: string
  end: string | null
  timezone: string
  localDate: string
  localStartTime: string
  localEndTime: string | null
  weekday: Weekday
  note: string | null
}

export const MAX_MEETINGS = 20
// How far ahead to look: a group meeting only once a month still shows its next dates.
const HORIZON_DAYS = 400

const hm = (time: string) => {
  const [hour, minute] = time.split(':').map(Number)
  return { hour, minute }
}

// Wall-clock time in the group's zone. Luxon resolves the two daylight-saving edge cases:
// a time that does not exist (skipped in spring) moves forward by the gap; a time that occurs
// twice (autumn) takes the first, earlier occurrence.
function at(date: DateTime, time: string): DateTime {
  const local = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, ...hm(time) },
    { zone: date.zone },
  )
  const candidates = local.getPossibleOffsets()
  return candidates.length > 1
    ? candidates.reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a))
    : local
}

function meeting(
  date: DateTime,
  startTime: string,
  endTime: string | null | undefined,
  note: string | null,
): Meeting {
  const start = at(date, startTime)
  let end = endTime ? at(date, endTime) : null
  // An end earlier than the start is a meeting that runs past midnight.
  if (end && end <= start) end = at(date.plus({ days: 1 }), endTime!)
  return {
    start: start.toISO()!,
    end: end?.toISO() ?? null,
    timezone: start.zoneName!,
    localDate: start.toISODate()!,
    localStartTime: start.toFormat('HH:mm'),
    localEndTime: end ? end.toFormat('HH:mm') : null,
    weekday: WEEKDAY_NAMES[start.weekday - 1],
    note,
  }
}

/**
 * The next `count` meetings that have not started yet, soonest first, from a weekly schedule
 * plus one-off dates, each in the group's own timezone (so 18:30 stays 18:30 local across a
 * daylight-saving change while its UTC instant moves).
 */
export function nextMeetings(schedule: Schedule, count: number, now: Date = new Date()): Meeting[] {
  const zone = schedule.timezone || 'UTC'
  const nowLocal = DateTime.fromJSDate(now, { zone })
  if (!nowLocal.isValid || count < 1) return []
  const found: Meeting[] = []

  for (const entry of schedule.oneOff ?? []) {
    // Dates are stored as instants; the calendar day is the one in the group's zone.
    const day = DateTime.fromISO(entry.date, { zone })
    if (!day.isValid || !entry.startTime) continue
    const m = meeting(day.startOf('day'), entry.startTime, entry.endTime, entry.note ?? null)
    if (DateTime.fromISO(m.start) > nowLocal) found.push(m)
  }

  const weekly = (schedule.weekly ?? []).filter((w) => w.startTime && w.weekdays?.length)
  let weeklyFound = 0
  for (let offset = 0; weekly.length && offset < HORIZON_DAYS && weeklyFound < count; offset++) {
    const day = nowLocal.startOf('day').plus({ days: offset })
    const name = WEEKDAY_NAMES[day.weekday - 1]
    for (const slot of weekly) {
      if (!slot.weekdays.includes(name)) continue
      const m = meeting(day, slot.startTime, slot.endTime, null)
      if (DateTime.fromISO(m.start) > nowLocal) {
        found.push(m)
        weeklyFound++
      }
    }
  }

  return found
    .sort((a, b) => DateTime.fromISO(a.start).toMillis() - DateTime.fromISO(b.start).toMillis())
    .filter((m, i, all) => i === 0 || m.start !== all[i - 1].start)
    .slice(0, count)
}
