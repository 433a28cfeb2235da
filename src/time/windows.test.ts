import { describe, expect, it } from 'vitest'
import { accumulate } from '../core/accumulate.ts'
import type { Aggregator } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import { isKpiError } from '../core/isKpiError.ts'
import { mergeAll } from '../core/mergeAll.ts'
import { byKey } from './byKey.ts'
import { byPeriod } from './byPeriod.ts'
import { rolling } from './rolling.ts'
import { trailing } from './trailing.ts'

interface Row {
  at: string | number | Date | null
  v: number
  plan?: string | null
}

/** A tiny KPI for the tests: the mean of `v`, with `value: null` for no data. */
const mean = (): Aggregator<Row, [number, number], { value: number | null; n: number }> => ({
  kpi: 'mean',
  init: () => [0, 0],
  add: (s, r) => {
    s[0] += r.v
    s[1] += 1
    return s
  },
  merge: (a, b) => {
    a[0] += b[0]
    a[1] += b[1]
    return a
  },
  result: (s) => ({ value: s[1] === 0 ? null : s[0] / s[1], n: s[1] }),
})

const rows: Row[] = [
  { at: '2024-01-10T12:00:00Z', v: 1, plan: 'a' },
  { at: '2024-01-20T12:00:00Z', v: 3, plan: 'b' },
  { at: '2024-03-31T23:30:00-04:00', v: 10, plan: 'a' }, // April in UTC, March in New York
  { at: '2024-04-15T12:00:00Z', v: 6, plan: null },
  { at: '2024-04-15T12:00:00', v: 99 }, // no offset: invalid
  { at: null, v: 99 },
]

describe('byPeriod', () => {
  it('groups by the period of each item’s date, in order, with gaps reported as empty', () => {
    const result = fold(byPeriod(mean(), { date: (r) => r.at, unit: 'month' }), rows)
    expect(result.kpi).toBe('byPeriod')
    expect(result.unit).toBe('month')
    expect(result.timeZone).toBe('UTC')
    expect(result.periods.map((p) => [p.period.key, p.result.value])).toEqual([
      ['2024-01', 2],
      ['2024-02', null],
      ['2024-03', null],
      ['2024-04', 8],
    ])
    expect(result.excluded).toEqual({ missing: 1, invalid: 1, outOfRange: 0 })
  })

  it('buckets in the given time zone', () => {
    const result = fold(
      byPeriod(mean(), { date: (r) => r.at, unit: 'month', timeZone: 'America/New_York' }),
      rows,
    )
    const march = result.periods.find((p) => p.period.key === '2024-03')
    expect(march?.result).toEqual({ value: 10, n: 1 })
    expect(march?.period.start).toBe(Date.UTC(2024, 2, 1, 5)) // midnight EST
    expect(march?.period.end).toBe(Date.UTC(2024, 3, 1, 4)) // midnight EDT
  })

  it('reports every period of a range, counts items outside it, and marks partly covered periods', () => {
    const monthly = byPeriod(mean(), {
      date: (r) => r.at,
      unit: 'month',
      range: { from: '2024-01-15T00:00:00Z', to: '2024-03-01T00:00:00Z' },
    })
    const result = fold(monthly, rows)
    expect(result.periods.map((p) => [p.period.key, p.result.value, p.period.complete])).toEqual([
      ['2024-01', 3, false],
      ['2024-02', null, true],
    ])
    expect(result.excluded).toEqual({ missing: 1, invalid: 1, outOfRange: 3 })
  })

  it('marks periods not over at asOf as incomplete and counts later items as out of range', () => {
    const result = fold(
      byPeriod(mean(), { date: (r) => r.at, unit: 'month', asOf: '2024-04-10T00:00:00Z' }),
      rows,
    )
    expect(result.periods.map((p) => [p.period.key, p.period.complete])).toEqual([
      ['2024-01', true],
      ['2024-02', true],
      ['2024-03', true],
      ['2024-04', false],
    ])
    expect(result.periods[3]?.result).toEqual({ value: 10, n: 1 }) // the 15 April item is after asOf
    expect(result.excluded.outOfRange).toBe(1)
  })

  it('gives the same result item by item, array at once, and merged from parts', () => {
    const monthly = byPeriod(mean(), { date: (r) => r.at, unit: 'month' })
    let state = monthly.init()
    rows.forEach((row, i) => {
      state = monthly.add(state, row, i)
    })
    const parts = [rows.slice(0, 2), rows.slice(2)].map((part) => accumulate(monthly, part))
    expect(monthly.result(state)).toEqual(fold(monthly, rows))
    expect(monthly.result(mergeAll(monthly, parts))).toEqual(fold(monthly, rows))
  })

  it('accepts epoch milliseconds and Dates', () => {
    const result = fold(
      byPeriod(mean(), { date: (r: { at: number | Date; v: number }) => r.at, unit: 'year' }),
      [
        { at: Date.UTC(2023, 5, 1), v: 2 },
        { at: new Date(Date.UTC(2023, 6, 1)), v: 4 },
        { at: Number.NaN, v: 9 },
      ] as never,
    )
    expect(result.periods.map((p) => [p.period.key, p.result.value])).toEqual([['2023', 3]])
    expect(result.excluded.invalid).toBe(1)
  })

  it('throws a KpiError on an invalid date when asked', () => {
    const strict = byPeriod(mean(), { date: (r) => r.at, unit: 'month', onInvalid: 'throw' })
    try {
      fold(strict, rows)
      expect.unreachable()
    } catch (error) {
      expect(isKpiError(error) && error.index === 4 && error.reason === 'invalid').toBe(true)
    }
  })

  it('refuses bad options', () => {
    expect(() => byPeriod(mean(), { unit: 'month' } as never)).toThrow(
      'byPeriod expected `options.date` to be a function, got `undefined`',
    )
    expect(() => byPeriod(mean(), { date: (r: Row) => r.at, unit: 'month', asOf: 'now' })).toThrow(TypeError)
    expect(() => byPeriod({} as never, { date: (r: Row) => r.at, unit: 'month' })).toThrow(TypeError)
  })
})

describe('byKey', () => {
  it('groups by segment, sorted, and counts items without a key', () => {
    const result = fold(
      byKey(mean(), (r) => r.plan),
      rows,
    )
    expect(result.groups.map((g) => [g.key, g.result.value])).toEqual([
      ['a', 5.5],
      ['b', 3],
    ])
    expect(result.excluded.missing).toBe(3)
  })
  it('lists requested segments first, also when empty', () => {
    const result = fold(
      byKey(mean(), (r) => r.plan, { keys: ['c', 'b'] }),
      rows,
    )
    expect(result.groups.map((g) => [g.key, g.result.value])).toEqual([
      ['c', null],
      ['b', 3],
      ['a', 5.5],
    ])
  })
  it('nests inside byPeriod', () => {
    const result = fold(
      byPeriod(
        byKey(mean(), (r) => r.plan),
        { date: (r) => r.at, unit: 'quarter' },
      ),
      rows,
    )
    expect(result.periods.map((p) => [p.period.key, p.result.groups.map((g) => g.key)])).toEqual([
      ['2024-Q1', ['a', 'b']],
      ['2024-Q2', ['a']],
    ])
  })
})

describe('rolling', () => {
  const monthly = byPeriod(mean(), { date: (r) => r.at, unit: 'month' })
  const state = accumulate(monthly, rows)
  it('merges the states of adjacent periods, gaps included', () => {
    const windows = rolling(monthly, state, { size: 2 }).periods
    expect(windows.map((w) => [w.period.key, w.periods, w.result.value])).toEqual([
      ['2024-02', ['2024-01', '2024-02'], 2],
      ['2024-03', ['2024-02', '2024-03'], null],
      ['2024-04', ['2024-03', '2024-04'], 8],
    ])
    expect(windows[0]?.period.start).toBe(Date.UTC(2024, 0, 1))
    expect(windows[0]?.period.end).toBe(Date.UTC(2024, 2, 1))
  })
  it('equals the mean computed directly over a window’s items', () => {
    const windows = rolling(monthly, state, { size: 4 }).periods
    expect(windows.map((w) => w.result)).toEqual([{ value: (1 + 3 + 10 + 6) / 4, n: 4 }])
  })
  it('reports the first, shorter windows when asked, as incomplete', () => {
    const windows = rolling(monthly, state, { size: 3, partial: 'include' }).periods
    expect(windows.map((w) => [w.period.key, w.periods.length, w.period.complete])).toEqual([
      ['2024-01', 1, false],
      ['2024-02', 2, false],
      ['2024-03', 3, true],
      ['2024-04', 3, true],
    ])
  })
  it('refuses what is not a byPeriod aggregator, and bad sizes', () => {
    expect(() => rolling(mean() as never, state, { size: 2 })).toThrow('an aggregator made by byPeriod')
    expect(() => rolling(monthly, state, { size: 0 })).toThrow(RangeError)
  })
})

describe('trailing', () => {
  it('takes [asOf − N days, asOf), and the windows before it', () => {
    const last30 = trailing(mean(), { date: (r) => r.at, days: 30, asOf: '2024-04-20T00:00:00Z', count: 3 })
    const result = fold(last30, rows)
    expect(result.windows.map((w) => [new Date(w.start).toISOString().slice(0, 10), w.result.value])).toEqual(
      [
        ['2024-01-21', null],
        ['2024-02-20', null],
        ['2024-03-21', 8], // 1 April 03:30 UTC (10) and 15 April (6)
      ],
    )
    expect(result.windows[2]?.end).toBe(Date.UTC(2024, 3, 20))
    expect(result.excluded).toEqual({ missing: 1, invalid: 1, outOfRange: 2 })
  })
  it('throws a KpiError on an invalid date when asked', () => {
    const strict = trailing(mean(), {
      date: (r) => r.at,
      days: 30,
      asOf: '2024-04-20T00:00:00Z',
      onInvalid: 'throw',
    })
    expect(() => fold(strict, rows)).toThrow(expect.objectContaining({ code: 'invalid-observation' }))
  })
  it('counts calendar days in the time zone across a DST change', () => {
    // 30 days before 2024-03-20 00:00 New York (EDT, UTC−4) is 2024-02-19 00:00 (EST, UTC−5).
    const w = fold(
      trailing(mean(), {
        date: (r) => r.at,
        days: 30,
        asOf: '2024-03-20T04:00:00Z',
        timeZone: 'America/New_York',
      }),
      [],
    )
    expect(w.windows[0]?.start).toBe(Date.UTC(2024, 1, 19, 5))
    const utc = fold(trailing(mean(), { date: (r) => r.at, days: 30, asOf: '2024-03-20T04:00:00Z' }), [])
    expect(utc.windows[0]?.start).toBe(Date.UTC(2024, 1, 19, 4))
  })
})
