import { _accessorAndOptions, _iterable } from '../core/_args.ts'
import { _integer, _number, _oneOf, _options, _typeError } from '../core/_assert.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _finder, _keyed } from '../core/_keyed.ts'
import { _compareIds } from '../core/_order.ts'
import type { Aggregator } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'
import type { Excluded, ExclusionCounts, Variant } from '../core/result.ts'
import {
  _CALENDAR_KEYS,
  _calendar,
  type CalendarOptions,
  type DateRange,
  type PeriodUnit,
} from '../time/_calendar.ts'
import type { PeriodInfo } from '../time/_series.ts'
import { byKey } from '../time/byKey.ts'
import { byPeriod } from '../time/byPeriod.ts'
import type { HealthResultValue } from './_types.ts'

/**
 * One account's health score at one instant, as {@link healthTrend} reads it.
 * @category Health
 */
export interface HealthSnapshot {
  /** The account. */
  readonly accountId: string | number
  /** When the score was taken. */
  readonly at: DateInput
  /** The score, 0–100 — a number, or an account's score from {@link healthScore} (its `value` is read); `null` when unscored. */
  readonly value: number | null | undefined | HealthResultValue
}

/**
 * Options of {@link healthTrend}.
 * @category Health
 */
export interface HealthTrendOptions extends CalendarOptions, ParseInstantOptions {
  /** The kind of period. */
  readonly unit: PeriodUnit
  /** The reporting range `[from, to)`; without it, the periods from the first to the last snapshot. */
  readonly range?: DateRange
  /** "Now": periods not over at it are marked `complete: false`; later snapshots are out of range. */
  readonly asOf?: DateInput
  /**
   * A period's score: the account's last snapshot in it (`'last'`; snapshots at the same instant are
   * averaged) or the mean of its snapshots (`'mean'`). Never a sum: a score is semi-additive.
   * @defaultValue 'last'
   */
  readonly snapshot?: 'last' | 'mean'
  /** A change of at most this many points, either way, is `'flat'`. @defaultValue 0 */
  readonly flat?: number
  /** The slope, in points per period, is fitted over the last `slopeOver` snapshots (at least 2). Off by default. */
  readonly slopeOver?: number
}

/**
 * A score in one period, and its change against the previous snapshot.
 * @category Health
 */
export interface HealthTrendPoint {
  /** The period. */
  readonly period: PeriodInfo
  /** The score in it (the account's snapshot, or the portfolio's mean), or `null` without one. */
  readonly value: number | null
  /** Snapshots behind it (for the portfolio: accounts). */
  readonly n: number
  /** The key of the previous period with a score, or `null`. */
  readonly previous: string | null
  /** `value` minus the previous snapshot's, or `null`. */
  readonly delta: number | null
  /** Up, down or flat (within `flat` points), as Gainsight's trend arrow; `null` without a delta. */
  readonly direction: 'up' | 'down' | 'flat' | null
  /** Least-squares slope over the last `slopeOver` snapshots, in points per period; `null` when off or with fewer than 2. */
  readonly slope: number | null
}

/**
 * One account's history.
 * @category Health
 */
export interface HealthAccountTrend {
  /** The account. */
  readonly accountId: string
  /** One point per period, in time order. */
  readonly points: readonly HealthTrendPoint[]
  /** Its last point with a score, or `null`. */
  readonly latest: HealthTrendPoint | null
}

/**
 * The result of {@link healthTrend}.
 * @category Health
 */
export interface HealthTrend {
  /** Always `'trend'`. */
  readonly kind: 'trend'
  /** Always `'healthTrend'`. */
  readonly kpi: 'healthTrend'
  /** The portfolio's score in its last period with one, or `null`. */
  readonly value: number | null
  /** Why `value` is null: no snapshots (`'no-data'`), or none usable (`'all-excluded'`). */
  readonly reason: 'no-data' | 'all-excluded' | null
  /** The calendar and the options that change the numbers. */
  readonly variant: Variant
  /** The kind of period. */
  readonly unit: PeriodUnit
  /** The time zone of the periods. */
  readonly timeZone: string
  /** Snapshots counted. */
  readonly n: number
  /** Snapshots left out, by reason: no or a bad value, account or date, or a date outside the range. */
  readonly excluded: Excluded<'outOfRange'>
  /** The periods, in time order. */
  readonly periods: readonly PeriodInfo[]
  /** The portfolio: per period, the mean score of the accounts with one. */
  readonly portfolio: readonly HealthTrendPoint[]
  /** Every account with a snapshot, ordered by id. */
  readonly accounts: readonly HealthAccountTrend[]
}

interface Row {
  readonly id: string
  readonly at: number
  readonly value: number
}
interface SnapshotState {
  /** The latest instant, the sum and count of the scores at it. */
  last: [number, number, number]
  /** The sum and count of all scores. */
  all: [number, number]
}

const KEYS = [
  ..._CALENDAR_KEYS,
  'unit',
  'range',
  'asOf',
  'inputTimeZone',
  'disambiguation',
  'snapshot',
  'flat',
  'slopeOver',
]

/** A snapshot per account and period: the state keeps both the last and the mean, the result picks. */
const snapshots = (mean: boolean): Aggregator<Row, SnapshotState, readonly [number, number]> => ({
  kpi: 'healthSnapshot',
  init: () => ({ last: [Number.NEGATIVE_INFINITY, 0, 0], all: [0, 0] }),
  add: (s, row) => {
    const t = row.at
    if (t > s.last[0]) s.last = [t, row.value, 1]
    else if (t === s.last[0]) {
      s.last[1] += row.value
      s.last[2]++
    }
    s.all[0] += row.value
    s.all[1]++
    return s
  },
  merge: (a, b) => {
    const [t, sum, count] = b.last
    if (t > a.last[0]) a.last = [t, sum, count]
    else if (t === a.last[0]) a.last = [t, a.last[1] + sum, a.last[2] + count]
    a.all = [a.all[0] + b.all[0], a.all[1] + b.all[1]]
    return a
  },
  result: (s) => [mean ? s.all[0] / s.all[1] : s.last[1] / s.last[2], s.all[1]],
})

/** Previous, delta, direction and slope along one line of values. */
const points = (
  periods: readonly PeriodInfo[],
  values: readonly (number | null)[],
  counts: readonly number[],
  flat: number,
  slopeOver: number | null,
): HealthTrendPoint[] => {
  const seen: number[] = []
  return periods.map((period, i) => {
    const value = values[i] as number | null
    const before = seen.length === 0 ? null : (seen[seen.length - 1] as number)
    if (value !== null) seen.push(i)
    const delta = value === null || before === null ? null : value - (values[before] as number)
    let slope: number | null = null
    if (value !== null && slopeOver !== null && seen.length >= 2) {
      const xs = seen.slice(-slopeOver)
      let mx = 0
      let my = 0
      for (const x of xs) {
        mx += x / xs.length
        my += (values[x] as number) / xs.length
      }
      let sxy = 0
      let sxx = 0
      for (const x of xs) {
        sxy += (x - mx) * ((values[x] as number) - my)
        sxx += (x - mx) * (x - mx)
      }
      slope = sxy / sxx
    }
    return {
      period,
      value,
      n: counts[i] as number,
      previous: delta === null ? null : (periods[before as number] as PeriodInfo).key,
      delta,
      direction: delta === null ? null : delta > flat ? 'up' : delta < -flat ? 'down' : 'flat',
      slope,
    }
  })
}

/**
 * Customer health over time: a snapshot of each account's score per period — its last score in the
 * period, or the mean of its scores there — with the change against its previous snapshot (up, down or
 * flat, as Gainsight's trend arrow), an optional least-squares slope over the last k snapshots, and the
 * portfolio's mean score per period. A health score is semi-additive: it is never summed over time.
 *
 * Periods follow {@link byPeriod}: half-open, DST-correct, in `timeZone`; with `range` every period of
 * the range is listed, without it those from the first snapshot to the last. An account with no
 * snapshot in a period has `value: null` there, and its next delta is against its last snapshot before.
 *
 * Unit: points, 0–100; `delta` in points; `slope` in points per period. No usable snapshot gives
 * `value: null` with a reason.
 *
 * Source: spec §14 ("a health score is a snapshot, not a sum"); Gainsight's scorecard trend.
 *
 * @example
 * ```ts
 * const trend = healthTrend(
 *   [
 *     { accountId: 'acme', at: '2024-01-10T00:00:00Z', value: 80 },
 *     { accountId: 'acme', at: '2024-01-25T00:00:00Z', value: 70 },
 *     { accountId: 'acme', at: '2024-02-20T00:00:00Z', value: 55 },
 *   ],
 *   { unit: 'month' },
 * )
 * trend.accounts[0]?.points.map((p) => [p.period.key, p.value, p.delta, p.direction])
 * //=> [['2024-01', 70, null, null], ['2024-02', 55, -15, 'down']]
 * ```
 * @category Health
 */
export function healthTrend(snapshots: Iterable<HealthSnapshot>, options: HealthTrendOptions): HealthTrend
export function healthTrend<T>(
  snapshots: Iterable<T>,
  accessor: (item: T, index: number) => HealthSnapshot,
  options: HealthTrendOptions,
): HealthTrend
export function healthTrend<T>(
  items: Iterable<T>,
  accessorOrOptions: ((item: T, index: number) => HealthSnapshot) | HealthTrendOptions,
  maybeOptions?: HealthTrendOptions,
): HealthTrend {
  const fn = 'healthTrend'
  _iterable(fn, items, 'snapshots')
  const [accessor, given] = _accessorAndOptions<
    (item: T, index: number) => HealthSnapshot,
    HealthTrendOptions
  >(fn, accessorOrOptions, maybeOptions)
  if (given === undefined) throw _typeError(fn, 'options', 'options with `unit`', given)
  const o = _options(fn, given, KEYS)
  const calendar = _calendar(fn, o.unit, o)
  if (o.range !== undefined) {
    if (o.range === null || typeof o.range !== 'object')
      throw _typeError(fn, 'options.range', 'an object { from, to }', o.range)
    _instantArgument(fn, 'options.range.from', o.range.from)
    _instantArgument(fn, 'options.range.to', o.range.to)
  }
  if (o.asOf !== undefined) _instantArgument(fn, 'options.asOf', o.asOf)
  const snapshot =
    o.snapshot === undefined ? 'last' : _oneOf(fn, 'options.snapshot', o.snapshot, ['last', 'mean'])
  const flat = o.flat === undefined ? 0 : _number(fn, 'options.flat', o.flat, 0)
  const slopeOver = o.slopeOver === undefined ? null : _integer(fn, 'options.slopeOver', o.slopeOver, 2)
  const { snapshot: _s, flat: _f, slopeOver: _k, ...periodOptions } = o
  const windowed = byPeriod(
    byKey(snapshots(snapshot === 'mean'), (row: Row) => row.id),
    {
      ...(periodOptions as Omit<HealthTrendOptions, 'snapshot' | 'flat' | 'slopeOver'>),
      date: (row: Row) => row.at,
    },
  )
  // Instants are read here, once, by the rules byPeriod itself applies (`inputTimeZone`,
  // `disambiguation`): the last snapshot of a period needs them too.
  const instant = _instantReader(fn, o)

  const excluded: ExclusionCounts<'outOfRange'> = { missing: 0, invalid: 0, outOfRange: 0 }
  const rows: Row[] = []
  let index = 0
  for (const item of items) {
    const s = accessor === undefined ? (item as unknown as HealthSnapshot) : accessor(item, index)
    index++
    if (s === null || s === undefined) {
      excluded.missing++
      continue
    }
    if (typeof s !== 'object') {
      excluded.invalid++
      continue
    }
    const raw = s.value
    const value = raw !== null && typeof raw === 'object' ? (raw as HealthResultValue).value : raw
    const id = s.accountId
    if (value === null || value === undefined) excluded.missing++
    else if (
      typeof value !== 'number' ||
      !(value >= 0 && value <= 100) ||
      !(typeof id === 'string' ? id !== '' : typeof id === 'number' && Number.isFinite(id))
    )
      excluded.invalid++
    else {
      const at = s.at === null || s.at === undefined ? null : instant(s.at)
      if (at === null) excluded[s.at === null || s.at === undefined ? 'missing' : 'invalid']++
      else rows.push({ id: String(id), at, value })
    }
  }
  const series = fold(windowed, rows)
  for (const key of ['missing', 'invalid', 'outOfRange'] as const) excluded[key] += series.excluded[key]
  const periods = series.periods.map((p) => p.period)
  // Lines by account, in a keyed map: a portfolio may hold more accounts than an object takes keys.
  const find = _finder(fn)
  const byAccount = _keyed<{ values: (number | null)[]; counts: number[] }>()
  const ids: string[] = []
  const portfolioSum = periods.map(() => 0)
  const portfolioN = periods.map(() => 0)
  series.periods.forEach((p, i) => {
    for (const g of p.result.groups) {
      let line = find.get(byAccount, g.key)
      if (line === undefined) {
        line = { values: periods.map(() => null), counts: periods.map(() => 0) }
        find.set(byAccount, g.key, line)
        ids.push(g.key)
      }
      const [value, count] = g.result
      line.values[i] = value
      line.counts[i] = count
      portfolioSum[i] = (portfolioSum[i] as number) + value
      portfolioN[i] = (portfolioN[i] as number) + 1
    }
  })
  ids.sort(_compareIds)
  const accounts = ids.map((accountId): HealthAccountTrend => {
    const { values, counts } = find.get(byAccount, accountId) as {
      values: (number | null)[]
      counts: number[]
    }
    const line = points(periods, values, counts, flat, slopeOver)
    return { accountId, points: line, latest: [...line].reverse().find((p) => p.value !== null) ?? null }
  })
  const portfolio = points(
    periods,
    portfolioN.map((n, i) => (n === 0 ? null : (portfolioSum[i] as number) / n)),
    portfolioN,
    flat,
    slopeOver,
  )
  const latest = [...portfolio].reverse().find((p) => p.value !== null)
  const n = rows.length - series.excluded.outOfRange
  return {
    kind: 'trend',
    kpi: fn,
    value: latest?.value ?? null,
    reason: latest !== undefined ? null : index === 0 ? 'no-data' : 'all-excluded',
    variant: { ...series.variant, snapshot, flat, ...(slopeOver === null ? {} : { slopeOver }) },
    unit: calendar.unit,
    timeZone: series.timeZone,
    n,
    excluded,
    periods,
    portfolio,
    accounts,
  }
}
