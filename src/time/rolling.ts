import { _integer, _oneOf, _options, _typeError } from '../core/_assert.ts'
import type { PeriodSeries } from './_series.ts'
import type { ByPeriodAggregator, ByPeriodState, PeriodInfo } from './byPeriod.ts'

/**
 * Options of {@link rolling}.
 * @category Time
 */
export interface RollingOptions {
  /** Number of consecutive periods in a window: 3 for "trailing three months", 12 for TTM. */
  readonly size: number
  /**
   * Windows at the start that have fewer than `size` periods: left out (`'skip'`, the default) or
   * reported with `complete: false` (`'include'`).
   * @defaultValue 'skip'
   */
  readonly partial?: 'skip' | 'include'
}

/**
 * One trailing window.
 * @category Time
 */
export interface RollingWindow<Out> {
  /**
   * The window as a period: the key of its last period, the start of its first, the end of its last;
   * `complete` when it has `size` periods that are all complete.
   */
  readonly period: PeriodInfo
  /** The keys of the periods in the window, oldest first. */
  readonly periods: string[]
  /** The inner aggregator's result over the window. */
  readonly result: Out
}

/**
 * The result of {@link rolling}: a {@link PeriodSeries} whose periods are the windows, so that
 * {@link comparePeriods} compares trailing windows (trailing-quarter NPS, month over month).
 * @category Time
 */
export interface RollingResult<Out> extends Omit<PeriodSeries<Out, 'rolling', 'outOfRange'>, 'periods'> {
  /** Periods per window. */
  readonly size: number
  /** The windows, in time order, each keyed by its last period. */
  readonly periods: RollingWindow<Out>[]
}

/**
 * Trailing windows over the periods of a {@link byPeriod} state — trailing 3 months, trailing twelve
 * months — computed by merging the states of adjacent periods, not by reading the items again. The
 * window ending at each period covers it and the `size − 1` periods before it (empty periods count as
 * periods). Merging is exact for counts and sums, so each window's result equals the KPI computed
 * directly over the window's items.
 *
 * @example
 * ```ts
 * const monthly = byPeriod(npsAggregator((r: Row) => r.score), { date: (r) => r.at, unit: 'month' })
 * const state = accumulate(monthly, rows)
 * rolling(monthly, state, { size: 3 }).periods // NPS over each trailing quarter, month by month
 * ```
 * @category Time
 */
export function rolling<T, State, Out>(
  aggregator: ByPeriodAggregator<T, State, Out>,
  state: ByPeriodState<State>,
  options: RollingOptions,
): RollingResult<Out> {
  const fn = 'rolling'
  if (aggregator === null || typeof aggregator !== 'object' || typeof aggregator.periodsOf !== 'function') {
    throw _typeError(fn, 'aggregator', 'an aggregator made by byPeriod', aggregator)
  }
  if (state === null || typeof state !== 'object' || typeof state.periods !== 'object') {
    throw _typeError(fn, 'state', 'a state of that aggregator', state)
  }
  const o = _options(fn, options, ['size', 'partial'])
  const size = _integer(fn, 'options.size', o.size, 1)
  const partial =
    o.partial === undefined ? 'skip' : _oneOf(fn, 'options.partial', o.partial, ['skip', 'include'])
  const inner = aggregator.inner
  const list = aggregator.periodsOf(state)
  const windows: RollingWindow<Out>[] = []
  for (let last = 0; last < list.length; last++) {
    const first = Math.max(0, last - size + 1)
    if (last - first + 1 < size && partial === 'skip') continue
    let merged = inner.init()
    const members = list.slice(first, last + 1)
    for (const member of members) {
      const own = state.periods[member.key]
      if (own !== undefined) merged = inner.merge(merged, own)
    }
    const end = list[last] as PeriodInfo
    windows.push({
      period: {
        key: end.key,
        start: (list[first] as PeriodInfo).start,
        end: end.end,
        complete: members.length === size && members.every((m) => m.complete),
      },
      periods: members.map((m) => m.key),
      result: inner.result(merged),
    })
  }
  return {
    kind: 'series',
    kpi: 'rolling',
    variant: { size, partial },
    unit: aggregator.unit,
    timeZone: aggregator.timeZone,
    size,
    periods: windows,
    excluded: { ...state.excluded },
  }
}
