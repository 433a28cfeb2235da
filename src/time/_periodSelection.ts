import { _integer, _options, _rangeError, _typeError } from '../core/_assert.ts'
import type { _Docs } from '../core/_documented.ts'
import { _instantArgument } from '../core/_instant.ts'
import type { _Check } from '../core/_resolve.ts'
import type { Excluded, Variant } from '../core/result.ts'
import {
  _CALENDAR_RULES,
  _calendar,
  type CalendarOptions,
  type DateRange,
  type PeriodUnit,
} from './_calendar.ts'

import type { PeriodInfo, PeriodSeries } from './_series.ts'

/**
 * Which period(s) a KPI over subscriptions or spend measures. Give exactly one of `period` (one period: a key of `unit`
 * such as `'2024-03'`, or a range), `range` (every period of `unit` that overlaps it; the result is a
 * {@link PeriodSeries}) or `trailingDays` (the N days before `asOf`, as Baremetrics and Stripe do).
 * @category Time
 */
export interface PeriodSelection extends CalendarOptions {
  /** One period: a key of `unit` (`'2024-03'`, `'2024-Q1'`…) or a range `[from, to)`. */
  readonly period?: string | DateRange
  /** Several consecutive periods of `unit`: every one that overlaps `[from, to)`. */
  readonly range?: DateRange
  /** The kind of period, for `period` as a key and for `range`. */
  readonly unit?: PeriodUnit
  /** A trailing window of this many days ending at `asOf` (Baremetrics: 30, or 365 for annual plans). */
  readonly trailingDays?: number
  /** "Now": periods ending after it are `complete: false`; see each KPI for what else it does. */
  readonly asOf?: DateRange['from']
}

/** The selected periods: contiguous, so `bounds` has one more element than `periods`. */
export interface _Periods {
  readonly unit: PeriodUnit | null
  readonly timeZone: string
  readonly bounds: number[]
  readonly periods: PeriodInfo[]
  readonly series: boolean
}

const iso = (t: number): string => new Date(t).toISOString()

/** The option rules of {@link PeriodSelection}; {@link _selectPeriods} checks the values. */
export const _PERIOD_SELECTION_RULES: {
  readonly [K in keyof typeof _CALENDAR_RULES | 'period' | 'range' | 'unit' | 'trailingDays' | 'asOf']: _Check
} = {
  ..._CALENDAR_RULES,
  period: {
    type: 'custom',
    variant: false,
  },
  range: {
    type: 'custom',
    variant: false,
  },
  unit: {
    type: 'enum',
    values: ['day', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'n-days'],
  },
  trailingDays: {
    type: 'custom',
    variant: false,
  },
  asOf: { type: 'custom' },
}

/** Reads the period options of a KPI that selects periods. */
export function _selectPeriods(fn: string, options: PeriodSelection | undefined, asOf: number): _Periods {
  const o = _options(fn, options)
  const given = [o.period, o.range, o.trailingDays].filter((x) => x !== undefined).length
  if (given !== 1) {
    throw _typeError(
      fn,
      'options',
      'an object with exactly one of `period`, `range` and `trailingDays`',
      options,
    )
  }
  const timeZone = o.timeZone ?? 'UTC'
  const info = (start: number, end: number, key: string): PeriodInfo => ({
    key,
    start,
    end,
    complete: end <= asOf,
  })
  const custom = (from: number, to: number): _Periods => {
    if (!(to > from)) throw _rangeError(fn, 'options.period', 'a range whose `to` is after its `from`', to)
    return {
      unit: null,
      timeZone,
      bounds: [from, to],
      periods: [info(from, to, `${iso(from)}/${iso(to)}`)],
      series: false,
    }
  }
  if (o.trailingDays !== undefined) {
    const days = _integer(fn, 'options.trailingDays', o.trailingDays, 1)
    if (asOf === Number.POSITIVE_INFINITY)
      throw _typeError(fn, 'options.asOf', 'a date (trailing windows end at it)', undefined)
    return custom(asOf - days * 86_400_000, asOf)
  }
  if (typeof o.period === 'object' && o.period !== null) {
    return custom(
      _instantArgument(fn, 'options.period.from', o.period.from),
      _instantArgument(fn, 'options.period.to', o.period.to),
    )
  }
  const calendar = _calendar(fn, o.unit, o)
  if (o.period !== undefined) {
    const start = typeof o.period === 'string' ? calendar.parse(o.period) : null
    if (start === null)
      throw _typeError(fn, 'options.period', `a period key of unit '${calendar.unit}' or a range`, o.period)
    const end = calendar.next(start)
    return {
      unit: calendar.unit,
      timeZone: calendar.timeZone,
      bounds: [start, end],
      periods: [info(start, end, calendar.key(start))],
      series: false,
    }
  }
  const range = o.range
  if (range === null || typeof range !== 'object')
    throw _typeError(fn, 'options.range', 'a range { from, to }', range)
  const from = _instantArgument(fn, 'options.range.from', range.from)
  const to = _instantArgument(fn, 'options.range.to', range.to)
  if (!(to > from)) throw _rangeError(fn, 'options.range', 'a range whose `to` is after its `from`', range.to)
  const bounds = [calendar.startOf(from)]
  const periods: PeriodInfo[] = []
  while ((bounds[bounds.length - 1] as number) < to) {
    const start = bounds[bounds.length - 1] as number
    const end = calendar.next(start)
    periods.push(info(start, end, calendar.key(start)))
    bounds.push(end)
  }
  return { unit: calendar.unit, timeZone: calendar.timeZone, bounds, periods, series: true }
}

/** Wraps per-period results as a single result or a series, as the options asked. */
export function _periodOutput<Out>(
  kpi: string,
  p: _Periods,
  results: Out[],
  excluded: Excluded<string>,
  variant: Variant,
): Out | PeriodSeries<Out> {
  if (!p.series) return results[0] as Out
  return {
    kind: 'series',
    kpi,
    variant,
    unit: p.unit as PeriodUnit,
    timeZone: p.timeZone,
    periods: p.periods.map((period, k) => ({ period, result: results[k] as Out })),
    excluded,
  }
}

/** The starts of the days (in the periods' zone) across all periods, clipped to their span. */
export function _dayBounds(p: _Periods): number[] {
  const from = p.bounds[0] as number
  const to = p.bounds[p.bounds.length - 1] as number
  const day = _calendar('days', 'day', { timeZone: p.timeZone })
  const bounds = [from]
  for (let t = day.next(day.startOf(from)); t < to; t = day.next(t)) bounds.push(t)
  bounds.push(to)
  return bounds
}

/** One line on each period-selection option, for the descriptors. */
export const _PERIOD_SELECTION_DOCS: _Docs = {
  period: "One period: a key of `unit` ('2024-03', '2024-Q1') or a range { from, to }.",
  range: 'Several consecutive periods of `unit`: every one that overlaps { from, to }.',
  unit: 'The kind of period, for `period` as a key and for `range`.',
  trailingDays: 'A trailing window of this many days ending at `asOf`.',
  asOf: '"Now": periods ending after it are complete: false.',
}
