// Properties of the calendar over random instants, in zones chosen for their awkwardness: DST at
// midnight (São Paulo), half-hour DST (Lord Howe), +05:45 (Kathmandu), −03:30 (St John's), +12:45
// (Chatham) and Apia, which skipped 30 December 2011 when it moved across the date line.
import { test } from '@fast-check/vitest'
import * as fc from 'fast-check'
import { describe, expect } from 'vitest'
import { accumulate } from '../core/accumulate.ts'
import type { Aggregator } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import type { CalendarOptions, PeriodUnit } from './_calendar.ts'
import { byPeriod } from './byPeriod.ts'
import { periodKey } from './periodKey.ts'
import { periodRange } from './periodRange.ts'
import { periods } from './periods.ts'
import { rolling } from './rolling.ts'

const zones = [
  'UTC',
  'America/Sao_Paulo',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'Pacific/Apia',
]
const calendars: [PeriodUnit, CalendarOptions][] = [
  ['day', {}],
  ['week', {}],
  ['week', { weekStartsOn: 0 }],
  ['week', { weekStartsOn: 6, firstWeekContainsDate: 4 }],
  ['month', {}],
  ['quarter', {}],
  ['year', {}],
  ['fiscal-year', { fiscalYearStartMonth: 10 }],
  ['fiscal-quarter', { fiscalYearStartMonth: 4, fiscalYearStartDay: 6 }],
  ['n-days', { days: 10, anchor: '2010-06-15' }],
]
// 2005–2030, with extra weight on the weeks around Apia's jump.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2030, 0, 1) }),
  fc.integer({ min: Date.UTC(2011, 11, 20), max: Date.UTC(2012, 0, 10) }),
)
const calendar = fc
  .tuple(fc.constantFrom(...zones), fc.constantFrom(...calendars))
  .map(([timeZone, [unit, options]]) => ({
    unit,
    options: { ...options, timeZone },
  }))

describe('the calendar', () => {
  test.prop([calendar, instant], { numRuns: 400 })(
    'puts every instant in exactly one period',
    ({ unit, options }, t) => {
      const key = periodKey(t, unit, options)
      const { start, end } = periodRange(key, options)
      expect(start).toBeLessThanOrEqual(t)
      expect(t).toBeLessThan(end)
    },
  )

  test.prop([calendar, instant], { numRuns: 400 })('round-trips keys and ranges', ({ unit, options }, t) => {
    const key = periodKey(t, unit, options)
    const { start, end } = periodRange(key, options)
    expect(periodKey(start, unit, options)).toBe(key)
    expect(periodKey(end - 1, unit, options)).toBe(key)
    expect(periodKey(end, unit, options)).not.toBe(key)
  })

  test.prop(
    [
      calendar.filter((c) => c.unit !== 'year' && c.unit !== 'fiscal-year'),
      instant,
      fc.integer({ min: 1, max: 60 * 86_400_000 }),
    ],
    {
      numRuns: 150,
    },
  )('tiles a range with no gap and no overlap', ({ unit, options }, from, length) => {
    const keys = periods(from, from + length, unit, options)
    const ranges = keys.map((key) => periodRange(key, options))
    expect(ranges[0]?.start).toBeLessThanOrEqual(from)
    expect(ranges[ranges.length - 1]?.end).toBeGreaterThanOrEqual(from + length)
    ranges.slice(1).forEach((range, i) => {
      expect(range.start).toBe(ranges[i]?.end)
    })
  })
})

const sum: Aggregator<{ at: number; v: number }, [number, number], { value: number; n: number }> = {
  kpi: 'sum',
  init: () => [0, 0],
  add: (s, e) => {
    s[0] += e.v
    s[1] += 1
    return s
  },
  merge: (a, b) => {
    a[0] += b[0]
    a[1] += b[1]
    return a
  },
  result: (s) => ({ value: s[0], n: s[1] }),
}

describe('windows', () => {
  const events = fc.array(
    fc.record({
      at: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
      v: fc.integer({ min: 0, max: 100 }),
    }),
    { maxLength: 60 },
  )
  test.prop([fc.constantFrom(...zones), events, fc.integer({ min: 1, max: 5 })], { numRuns: 100 })(
    'rolling windows equal a direct computation over the same events',
    (timeZone, rows, size) => {
      const monthly = byPeriod(sum, { date: (e) => e.at, unit: 'month', timeZone })
      for (const window of rolling(monthly, accumulate(monthly, rows), { size }).periods) {
        const inside = rows.filter((e) => e.at >= window.period.start && e.at < window.period.end)
        expect(window.result).toEqual(fold(sum, inside))
      }
    },
  )
  test.prop([fc.constantFrom(...zones), events], { numRuns: 100 })(
    'byPeriod loses and invents nothing',
    (timeZone, rows) => {
      const result = fold(byPeriod(sum, { date: (e) => e.at, unit: 'week', timeZone }), rows)
      expect(result.periods.reduce((n, p) => n + p.result.n, 0)).toBe(rows.length)
      for (const { period, result: inner } of result.periods) {
        expect(inner).toEqual(
          fold(
            sum,
            rows.filter((e) => e.at >= period.start && e.at < period.end),
          ),
        )
      }
    },
  )
  // Runs of one period and stretches of scattered instants, with dates that are not numbers: the array
  // path (which looks for runs, and stops looking in random order) builds the state `add` builds.
  const mixed = fc.array(
    fc.oneof(
      fc.constant(null),
      fc.record({
        at: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
        length: fc.integer({ min: 1, max: 40 }),
      }),
    ),
    { maxLength: 80 },
  )
  test.prop([fc.constantFrom(...zones), mixed, fc.integer({ min: 0, max: 4000 })], { numRuns: 100 })(
    'the array path and add build the same state, in order or not',
    (timeZone, parts, scattered) => {
      const rows: { at: number | string; v: number }[] = []
      for (const part of parts) {
        if (part === null) rows.push({ at: 'not a date', v: 1 })
        else for (let i = 0; i < part.length; i++) rows.push({ at: part.at + i, v: i })
      }
      // Scattered instants: every one in another day than the one before.
      for (let i = 0; i < scattered; i++)
        rows.push({ at: Date.UTC(2023, 0, 1) + ((i * 7919) % 700) * 86_400_000, v: i % 5 })
      // And runs again after them.
      for (const part of parts.slice(0, 5))
        if (part !== null)
          for (let i = 0; i < part.length; i++) rows.push({ at: part.at + i * 3_600_000, v: 2 })
      const daily = byPeriod(
        sum as Aggregator<{ at: number | string; v: number }, [number, number], { value: number; n: number }>,
        {
          date: (e) => e.at,
          unit: 'day',
          timeZone,
        },
      )
      let one = daily.init()
      rows.forEach((row, i) => {
        one = daily.add(one, row, i)
      })
      expect(accumulate(daily, rows)).toEqual(one)
    },
  )
})
