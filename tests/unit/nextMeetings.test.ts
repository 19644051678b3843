import { nextMeetings } from '../../src/lib/nextMeetings'

const weekly = (timezone: string, weekdays: string[], startTime: string, endTime?: string) => ({
  timezone,
  weekly: [{ weekdays, startTime, endTime }],
})

describe('nextMeetings', () => {
  it('keeps local time across the spring change in London (UTC offset moves, wall time does not)', () => {
    // Sunday 30 March 2025 01:00 UTC: clocks go from GMT to BST.
    const now = new Date('2025-03-20T12:00:00Z')
    const meetings = nextMeetings(weekly('Europe/London', ['tuesday'], '18:30', '20:00'), 3, now)
    expect(meetings.map((m) => m.start)).toEqual([
      '2025-03-25T18:30:00.000+00:00',
      '2025-04-01T18:30:00.000+01:00',
      '2025-04-08T18:30:00.000+01:00',
    ])
    expect(meetings[1]).toMatchObject({
      end: '2025-04-01T20:00:00.000+01:00',
      localDate: '2025-04-01',
      localStartTime: '18:30',
      localEndTime: '20:00',
      weekday: 'tuesday',
      timezone: 'Europe/London',
    })
  })

  it('handles the autumn change in New York', () => {
    // Sunday 2 November 2025 06:00 UTC: EDT (-04:00) ends.
    const now = new Date('2025-10-25T00:00:00Z')
    const meetings = nextMeetings(
      weekly('America/New_York', ['monday', 'thursday'], '19:00'),
      3,
      now,
    )
    expect(meetings.map((m) => m.start)).toEqual([
      '2025-10-27T19:00:00.000-04:00',
      '2025-10-30T19:00:00.000-04:00',
      '2025-11-03T19:00:00.000-05:00',
    ])
    expect(new Date(meetings[2].start).toISOString()).toBe('2025-11-04T00:00:00.000Z')
  })

  it('moves a meeting in the skipped spring hour forward, and takes the first of a repeated hour', () => {
    const spring = nextMeetings(
      weekly('Europe/London', ['sunday'], '01:30'),
      1,
      new Date('2025-03-29T12:00:00Z'),
    )
    expect(spring[0].start).toBe('2025-03-30T02:30:00.000+01:00')
    const autumn = nextMeetings(
      weekly('Europe/London', ['sunday'], '01:30'),
      1,
      new Date('2025-10-25T12:00:00Z'),
    )
    expect(autumn[0].start).toBe('2025-10-26T01:30:00.000+01:00')
  })

  it('skips a meeting that has already started today, and merges one-off dates in order', () => {
    const now = new Date('2025-06-03T17:45:00Z') // Tuesday 18:45 in London
    const meetings = nextMeetings(
      {
        ...weekly('Europe/London', ['tuesday'], '18:30'),
        oneOff: [{ date: '2025-06-07T12:00:00.000Z', startTime: '10:00', note: 'Summer session' }],
      },
      2,
      now,
    )
    expect(meetings.map((m) => [m.localDate, m.localStartTime, m.note])).toEqual([
      ['2025-06-07', '10:00', 'Summer session'],
      ['2025-06-10', '18:30', null],
    ])
  })

  it('runs a late meeting past midnight', () => {
    const [m] = nextMeetings(
      weekly('UTC', ['friday'], '23:00', '01:00'),
      1,
      new Date('2025-06-02T00:00:00Z'),
    )
    expect(m.start).toBe('2025-06-06T23:00:00.000Z')
    expect(m.end).toBe('2025-06-07T01:00:00.000Z')
  })

  it('returns nothing for an empty schedule or an unknown zone', () => {
    expect(nextMeetings({ timezone: 'Europe/London' }, 3)).toEqual([])
    expect(nextMeetings(weekly('Mars/Olympus', ['monday'], '10:00'), 3)).toEqual([])
  })
})
