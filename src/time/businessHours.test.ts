// Business hours. Expected durations are counted by hand from the schedule (shown per case); DST rules:
// New York springs forward on 10 March 2024 and falls back on 3 November 2024; São Paulo sprang forward
// at midnight on 4 November 2018 (the day had 23 hours).
import { test } from '@fast-check/vitest'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addBusinessTime } from './addBusinessTime.ts'
import { businessDuration } from './businessDuration.ts'
import { businessHours, type Schedule } from './businessHours.ts'

const H = 3_600_000
const nineToFive = [['09:00', '17:00']] as const
const weekdays = {
  monday: nineToFive,
  tuesday: nineToFive,
  wednesday: nineToFive,
  thursday: nineToFive,
  friday: nineToFive,
}
const newYork: Schedule = {
  name: 'Support (New York)',
  timeZone: 'America/New_York',
  hours: weekdays,
  holidays: [
    { date: '2024-07-04', name: 'Independence Day' },
    { date: '2024-12-24', from: '12:00', to: '17:00', name: 'Christmas Eve afternoon' },
  ],
}
const support = businessHours(newYork)

describe('businessDuration', () => {
  it('counts Friday 16:00 → Monday 10:00 as 2 hours, across the spring-forward weekend', () => {
    expect(businessDuration('2024-03-08T16:00:00-05:00', '2024-03-11T10:00:00-04:00', support)).toBe(2 * H)
  })
  it('gives 8 hours on every weekday of the DST-change weeks (40 a week)', () => {
    expect(businessDuration('2024-03-11T00:00:00-04:00', '2024-03-16T00:00:00-04:00', support)).toBe(40 * H)
    expect(businessDuration('2024-11-04T00:00:00-05:00', '2024-11-09T00:00:00-05:00', support)).toBe(40 * H)
    expect(businessDuration('2024-03-10T00:00:00-05:00', '2024-03-17T00:00:00-04:00', support)).toBe(40 * H)
  })
  it('gives 0 for time entirely outside hours, and for an end before the start', () => {
    expect(businessDuration('2024-03-09T10:00:00-05:00', '2024-03-10T20:00:00-04:00', support)).toBe(0)
    expect(businessDuration('2024-03-12T20:00:00-04:00', '2024-03-13T08:00:00-04:00', support)).toBe(0)
    expect(businessDuration('2024-03-13T12:00:00-04:00', '2024-03-13T10:00:00-04:00', support)).toBe(0)
  })
  it('starts the clock at opening for a ticket created before it: 07:00 → 10:00 is 1 hour', () => {
    expect(businessDuration('2024-03-13T07:00:00-04:00', '2024-03-13T10:00:00-04:00', support)).toBe(H)
  })
  it('closes on holidays, whole and partial', () => {
    // Wed 3 July 16:00 → Fri 5 July 10:00: 1 h on Wednesday, Thursday closed, 1 h on Friday.
    expect(businessDuration('2024-07-03T16:00:00-04:00', '2024-07-05T10:00:00-04:00', support)).toBe(2 * H)
    // Christmas Eve open 09:00–12:00 only.
    expect(businessDuration('2024-12-24T00:00:00-05:00', '2024-12-25T00:00:00-05:00', support)).toBe(3 * H)
  })
  it('leaves out a lunch break', () => {
    const lunch = businessHours({
      timeZone: 'America/New_York',
      hours: {
        wednesday: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
    })
    expect(businessDuration('2024-03-13T11:30:00-04:00', '2024-03-13T13:30:00-04:00', lunch)).toBe(H)
  })
  it('splits an overnight shift at midnight: Monday 22:00–06:00 covers Tuesday 00:00–06:00', () => {
    const night = businessHours({ timeZone: 'Europe/London', hours: { monday: [['22:00', '06:00']] } })
    expect(businessDuration('2024-01-08T23:00:00Z', '2024-01-09T05:00:00Z', night)).toBe(6 * H)
    expect(businessDuration('2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z', night)).toBe(8 * H)
  })
  it('uses the hours in force on each day when the schedule changes mid-ticket', () => {
    const changing = businessHours({
      timeZone: 'America/New_York',
      hours: weekdays,
      versions: [{ from: '2024-06-03', hours: { monday: [['08:00', '18:00']] } }],
    })
    // Friday 31 May 16:00 (old hours, 1 h) → Monday 3 June 09:00 (new hours from 08:00, 1 h).
    expect(businessDuration('2024-05-31T16:00:00-04:00', '2024-06-03T09:00:00-04:00', changing)).toBe(2 * H)
  })
  it('counts the 23-hour day of São Paulo’s 2018 DST start as 23 hours of a 24/7 schedule', () => {
    const always = businessHours({
      timeZone: 'America/Sao_Paulo',
      hours: Object.fromEntries(
        ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [
          d,
          [['00:00', '24:00']],
        ]),
      ),
    })
    expect(businessDuration('2018-11-04T00:00:00-03:00', '2018-11-05T00:00:00-02:00', always)).toBe(23 * H)
  })
  it('accepts a plain schedule as well as a prepared one', () => {
    expect(businessDuration('2024-03-08T16:00:00-05:00', '2024-03-11T10:00:00-04:00', newYork)).toBe(2 * H)
  })
})

describe('addBusinessTime', () => {
  it('finds when an SLA falls due', () => {
    expect(addBusinessTime('2024-03-08T16:00:00-05:00', 2 * H, support)).toBe(
      Date.parse('2024-03-11T10:00:00-04:00'),
    )
    // 8 business hours from Friday evening: Monday at closing time.
    expect(addBusinessTime('2024-03-08T20:00:00-05:00', 8 * H, support)).toBe(
      Date.parse('2024-03-11T17:00:00-04:00'),
    )
    // Over the 4 July holiday.
    expect(addBusinessTime('2024-07-03T16:00:00-04:00', 2 * H, support)).toBe(
      Date.parse('2024-07-05T10:00:00-04:00'),
    )
  })
  it('gives the start for 0, and null for a schedule that never opens', () => {
    expect(addBusinessTime('2024-03-09T12:00:00Z', 0, support)).toBe(Date.parse('2024-03-09T12:00:00Z'))
    expect(addBusinessTime(0, H, { timeZone: 'UTC', hours: {} })).toBeNull()
  })
})

describe('schedule validation names the schedule and the entry', () => {
  const bad = (schedule: unknown) => () => businessHours(schedule as Schedule)
  it.each([
    ['an unknown zone', { timeZone: 'Mars/Base', hours: {} }, RangeError, 'schedule.timeZone'],
    [
      'a bad time',
      { timeZone: 'UTC', hours: { monday: [['9am', '17:00']] } },
      TypeError,
      'schedule.hours.monday[0][0]',
    ],
    [
      'a zero-length interval',
      { name: 'S', timeZone: 'UTC', hours: { monday: [['09:00', '09:00']] } },
      RangeError,
      '(schedule "S")',
    ],
    [
      'overlapping intervals',
      {
        name: 'S',
        timeZone: 'UTC',
        hours: {
          monday: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      RangeError,
      'schedule.hours.monday[1]',
    ],
    [
      'an overnight interval overlapping the next day',
      { timeZone: 'UTC', hours: { monday: [['22:00', '06:00']], tuesday: [['05:00', '09:00']] } },
      RangeError,
      'overlap',
    ],
    ['an unknown weekday', { timeZone: 'UTC', hours: { funday: [] } }, RangeError, 'weekdays'],
    [
      'a holiday outside its version',
      {
        name: 'S',
        timeZone: 'UTC',
        hours: {},
        versions: [{ from: '2024-06-01', hours: {}, holidays: [{ date: '2024-05-01' }] }],
      },
      RangeError,
      'schedule.versions[0].holidays[0].date',
    ],
    [
      'a base holiday after the first version starts',
      {
        timeZone: 'UTC',
        hours: {},
        holidays: [{ date: '2024-07-01' }],
        versions: [{ from: '2024-06-01', hours: {} }],
      },
      RangeError,
      'schedule.holidays[0].date',
    ],
    [
      'versions out of order',
      {
        timeZone: 'UTC',
        hours: {},
        versions: [
          { from: '2024-06-01', hours: {} },
          { from: '2024-05-01', hours: {} },
        ],
      },
      RangeError,
      'schedule.versions[1].from',
    ],
  ])('refuses %s', (_, schedule, type, text) => {
    expect(bad(schedule)).toThrow(type)
    expect(bad(schedule)).toThrow(text)
  })
})

// Properties, checked on random instants across DST changes.
const zones = [
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
]
const instant = fc.integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2026, 0, 1) })
const span = fc.integer({ min: 0, max: 45 * 86_400_000 })

describe('properties', () => {
  test.prop([fc.constantFrom(...zones), instant, span], { numRuns: 150 })(
    'a 24/7 schedule measures elapsed time, in any zone',
    (timeZone, start, length) => {
      const all = [['00:00', '24:00']] as const
      const always = businessHours({
        timeZone,
        hours: {
          monday: all,
          tuesday: all,
          wednesday: all,
          thursday: all,
          friday: all,
          saturday: all,
          sunday: all,
        },
      })
      expect(always.duration(start, start + length)).toBe(length)
    },
  )
  test.prop([fc.constantFrom(...zones), instant, span, span], { numRuns: 150 })(
    'durations add up, and addBusinessTime inverts businessDuration',
    (timeZone, a, x, y) => {
      const hours = businessHours({ ...newYork, timeZone, holidays: [] })
      const ab = hours.duration(a, a + x)
      expect(hours.duration(a, a + x + y)).toBe(ab + hours.duration(a + x, a + x + y))
      expect(ab).toBeLessThanOrEqual(x)
      const due = hours.add(a, ab) as number
      expect(hours.duration(a, due)).toBe(ab)
      expect(due).toBeLessThanOrEqual(a + x)
    },
  )
})

describe('against a minute-by-minute count of the schedule in local time', () => {
  // A schedule with every feature: a lunch break, an overnight shift, whole and partial holidays, and a
  // second version of the hours; in New York, whose clocks change twice a year.
  const complex: Schedule = {
    timeZone: 'America/New_York',
    hours: {
      monday: [
        ['09:00', '12:30'],
        ['13:30', '17:00'],
      ],
      tuesday: nineToFive,
      wednesday: nineToFive,
      thursday: nineToFive,
      friday: nineToFive,
      sunday: [['22:00', '02:00']],
    },
    holidays: [{ date: '2024-07-04' }, { date: '2024-11-29', from: '12:00' }],
    versions: [
      {
        from: '2025-03-01',
        hours: { monday: [['08:00', '20:00']], saturday: [['10:00', '14:00']] },
        holidays: [{ date: '2025-12-25' }],
      },
    ],
  }
  const local = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    weekday: 'long',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
  const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const
  /** Whether the minute starting at t is a business minute, read from the schedule as written. */
  const open = (t: number): boolean => {
    const p = Object.fromEntries(local.formatToParts(new Date(t)).map((x) => [x.type, x.value]))
    const date = `${p.year}-${p.month}-${p.day}`
    const minute = Number(p.hour) * 60 + Number(p.minute)
    const weekday = days.indexOf((p.weekday as string).toLowerCase() as (typeof days)[number])
    const version =
      date >= '2025-03-01' ? (complex.versions?.[0] as NonNullable<Schedule['versions']>[0]) : complex
    for (const h of version.holidays ?? [])
      if (h.date === date && minute >= minutes(h.from ?? '00:00') && minute < minutes(h.to ?? '24:00'))
        return false
    const today = version.hours[days[weekday] as (typeof days)[number]] ?? []
    const yesterday = version.hours[days[(weekday + 6) % 7] as (typeof days)[number]] ?? []
    return (
      today.some(([a, b]) => minute >= minutes(a) && (minutes(b) <= minutes(a) || minute < minutes(b))) ||
      yesterday.some(([a, b]) => minutes(b) <= minutes(a) && minute < minutes(b))
    )
  }
  const count = (a: number, b: number): number => {
    let total = 0
    for (let t = a; t < b; t += 60_000) if (open(t)) total += 60_000
    return total
  }
  const minute = fc
    .integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2026, 0, 1) / 60_000 })
    .map((m) => m * 60_000)

  test.prop([minute, fc.integer({ min: 0, max: 3 * 1440 })], { numRuns: 120 })(
    'every duration of up to three days, measured on one prepared schedule',
    (start, length) => {
      expect(prepared.duration(start, start + length * 60_000)).toBe(count(start, start + length * 60_000))
    },
  )
  const prepared = businessHours(complex)

  it('the same, over the days where the clocks change, the version begins and the holidays fall', () => {
    for (const from of [
      '2024-03-09T12:00:00Z',
      '2024-11-02T12:00:00Z',
      '2025-02-28T12:00:00Z',
      '2024-11-28T12:00:00Z',
    ])
      for (const hours of [1, 7, 30, 50]) {
        const a = Date.parse(from)
        expect(prepared.duration(a, a + hours * H)).toBe(count(a, a + hours * H))
      }
  })

  it('measures instants centuries apart, week by week beyond the days it keeps', () => {
    const fresh = businessHours(complex)
    const far = [Date.UTC(1901, 4, 6, 14), Date.UTC(2199, 4, 6, 14), Date.UTC(2024, 6, 1, 14)]
    for (const a of far) expect(fresh.duration(a, a + 50 * H)).toBe(count(a, a + 50 * H))
    // 1901 → 2199 in one duration: the weeks between, summed.
    expect(fresh.duration(far[0] as number, far[1] as number)).toBe(
      businessHours(complex).duration(far[0] as number, far[1] as number),
    )
  })
})

describe('instants beyond any calendar', () => {
  it('are refused by name rather than measured forever', () => {
    const hours = businessHours(newYork)
    const monday = Date.UTC(2024, 0, 8, 14)
    expect(() => hours.duration(monday, Number.POSITIVE_INFINITY)).toThrow(
      'businessHours expected `end` to be a finite instant (epoch ms), got `Infinity`',
    )
    expect(() => hours.duration(Number.NEGATIVE_INFINITY, monday)).toThrow(RangeError)
    expect(() => hours.add(monday, Number.POSITIVE_INFINITY)).toThrow(
      'businessHours expected `ms` to be a finite number, got `Infinity`',
    )
    expect(hours.duration(Number.NaN, monday)).toBe(0)
  })
})
