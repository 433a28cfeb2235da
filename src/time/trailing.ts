import { TZDate, tz } from '@date-fns/tz'
import { addDays } from 'date-fns'
import { _function, _integer, _oneOf, _options, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'
import type { Excluded, ExclusionCounts, OnInvalid, Variant } from '../core/result.ts'
import { _timeZone } from './_calendar.ts'

/**
 * Options of {@link trailing}.
 * @category Time
 */
export interface TrailingOptions<T> extends ParseInstantOptions {
  /** Reads the instant of an item. */
  readonly date: Accessor<T, DateInput | null | undefined>
  /** Length of a window in days: 30 for "last 30 days", 365 for a trailing year. */
  readonly days: number
  /** The end of the most recent window ("now"); windows are `[asOf − days, asOf)`. */
  readonly asOf: DateInput
  /**
   * Number of consecutive windows, back from `asOf`: 2 gives "last 30 days" and "the 30 days before".
   * @defaultValue 1
   */
  readonly count?: number
  /**
   * The zone whose calendar days are counted back (a window across a DST change is 30 local days,
   * not 720 hours). With `'UTC'`, a day is 24 hours.
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string
  /**
   * What to do with an item whose date is invalid.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * One trailing window.
 * @category Time
 */
export interface TrailingWindow<Out> {
  /** First instant (epoch ms). */
  readonly start: number
  /** First instant after the window (epoch ms). */
  readonly end: number
  /** The inner aggregator's result over the window's items. */
  readonly result: Out
}

/**
 * The result of {@link trailing}.
 * @category Time
 */
export interface TrailingResult<Out> {
  /** Always `'windows'`: one result per trailing window. */
  readonly kind: 'windows'
  /** Always `'trailing'`. */
  readonly kpi: 'trailing'
  /** The options that place the windows (`days`, `count`, `asOf`, `timeZone`). */
  readonly variant: Variant
  /** The windows, oldest first; the last one ends at `asOf`. */
  readonly windows: TrailingWindow<Out>[]
  /** Items without a usable date, or outside every window. */
  readonly excluded: Excluded<'outOfRange'>
}

/**
 * The state of {@link trailing}.
 * @category Time
 */
export interface TrailingState<State> {
  /** Inner state of each window, newest first. */
  windows: State[]
  /** Items not counted, by reason. */
  excluded: ExclusionCounts<'outOfRange'>
}

/**
 * Runs an aggregator over the last N days before an instant — "churn over the trailing 30 days",
 * Baremetrics' and Stripe's convention — and optionally over the windows of N days before that, for a
 * like-for-like comparison. Windows are half-open, `[asOf − N days, asOf)`, with days counted in the
 * time zone's calendar.
 *
 * @example
 * ```ts
 * fold(trailing(npsAggregator((r: Row) => r.score), { date: (r) => r.at, days: 30, asOf: '2025-12-31T00:00:00Z', count: 2 }), rows)
 * //=> { kpi: 'trailing', windows: [{ start, end, result }, { start, end, result }], excluded }
 * ```
 * @category Time
 */
/* @__NO_SIDE_EFFECTS__ */
export function trailing<T, State, Out>(
  aggregator: Aggregator<T, State, Out>,
  options: TrailingOptions<T>,
): Aggregator<T, TrailingState<State>, TrailingResult<Out>> {
  const fn = 'trailing'
  if (aggregator === null || typeof aggregator !== 'object' || typeof aggregator.add !== 'function') {
    throw _typeError(fn, 'aggregator', 'an aggregator', aggregator)
  }
  const o = _options(fn, options, [
    'date',
    'days',
    'asOf',
    'count',
    'timeZone',
    'inputTimeZone',
    'disambiguation',
    'onInvalid',
  ])
  const instant = _instantReader(fn, o)
  _function(fn, 'options.date', o.date)
  const date = o.date as Accessor<T, DateInput | null | undefined>
  const days = _integer(fn, 'options.days', o.days, 1)
  const count = o.count === undefined ? 1 : _integer(fn, 'options.count', o.count, 1, 10_000)
  const timeZone = o.timeZone === undefined ? 'UTC' : _timeZone(fn, o.timeZone)
  const asOf = _instantArgument(fn, 'options.asOf', o.asOf as DateInput)
  const onInvalid =
    o.onInvalid === undefined ? 'exclude' : _oneOf(fn, 'options.onInvalid', o.onInvalid, ['exclude', 'throw'])
  // bounds[k] is the end of window k (0 = newest) and bounds[k + 1] its start.
  const bounds: number[] = []
  for (let k = 0; k <= count; k++)
    bounds.push(addDays(new TZDate(asOf, timeZone), -k * days, { in: tz(timeZone) }).getTime())
  const oldest = bounds[count] as number
  const variant: Variant = { days, count, asOf: new Date(asOf).toISOString(), timeZone }

  return {
    kpi: 'trailing',
    init: () => ({
      windows: Array.from({ length: count }, () => aggregator.init()),
      excluded: { missing: 0, invalid: 0, outOfRange: 0 },
    }),
    add: (state, item, index) => {
      const raw = date(item, index)
      const t = raw === null || raw === undefined ? null : instant(raw)
      if (t === null || t < oldest || t >= asOf) {
        const reason = raw === null || raw === undefined ? 'missing' : t === null ? 'invalid' : 'outOfRange'
        _exclude(state.excluded, reason, onInvalid, fn, index, raw)
        return state
      }
      let k = 0
      while (t < (bounds[k + 1] as number)) k++
      state.windows[k] = aggregator.add(state.windows[k] as State, item, index)
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      for (let k = 0; k < count; k++)
        a.windows[k] = aggregator.merge(a.windows[k] as State, b.windows[k] as State)
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => ({
      kind: 'windows',
      kpi: 'trailing',
      variant,
      windows: state.windows
        .map((inner, k) => ({
          start: bounds[k + 1] as number,
          end: bounds[k] as number,
          result: aggregator.result(inner),
        }))
        .reverse(),
      excluded: { ...state.excluded },
    }),
  }
}
