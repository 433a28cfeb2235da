import { _function, _oneOf, _options, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _AS_OF, _DISAMBIGUATION, _INPUT_TIME_ZONE } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import { KpiError } from '../core/KpiError.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'
import type { ExclusionCounts, OnInvalid } from '../core/result.ts'
import {
  _CALENDAR_KEYS,
  _CALENDAR_RULES,
  _calendar,
  type CalendarOptions,
  type DateRange,
  type PeriodUnit,
} from './_calendar.ts'
import { _locator, type _Period } from './_locator.ts'
import type { PeriodInfo, PeriodSeries } from './_series.ts'

/**
 * Options of {@link byPeriod}.
 * @category Time
 */
export interface ByPeriodOptions<T> extends CalendarOptions, ParseInstantOptions {
  /** Reads the instant of an item, which decides its period. */
  readonly date: Accessor<T, DateInput | null | undefined>
  /** The kind of period. */
  readonly unit: PeriodUnit
  /**
   * The reporting range `[from, to)`. Every period that overlaps it is reported, with an empty result
   * (`value: null`) when it has no data; items outside it are counted as `excluded.outOfRange`.
   * Without a range, the periods from the first to the last with data are reported, gaps included.
   */
  readonly range?: DateRange
  /**
   * "Now": periods that end after it are marked `complete: false`, and items after it are counted as
   * `excluded.outOfRange`.
   */
  readonly asOf?: DateInput
  /**
   * What to do with an item whose date is invalid.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

export type { PeriodInfo, PeriodResult, PeriodSeries } from './_series.ts'

/**
 * The result of {@link byPeriod}: a {@link PeriodSeries} of the inner aggregator's results.
 * @category Time
 */
export type ByPeriodResult<Out> = PeriodSeries<Out, 'byPeriod', 'outOfRange'>

/**
 * The state of {@link byPeriod}: the inner states by period key, and the exclusion counts.
 * @category Time
 */
export interface ByPeriodState<State> {
  /**
   * The calendar that made it (unit, zone, week and fiscal-year rules), as JSON: a state of monthly
   * periods is never merged into one of days, or of another zone.
   */
  calendar: string
  /** Inner state of each period with data. */
  periods: Record<string, State>
  /** Items not routed to a period, by reason. */
  excluded: ExclusionCounts<'outOfRange'>
}

/**
 * The aggregator returned by {@link byPeriod}: an aggregator, plus what {@link rolling} and
 * {@link comparePeriods} need to work on its states.
 * @category Time
 */
export interface ByPeriodAggregator<T, State, Out>
  extends Aggregator<T, ByPeriodState<State>, ByPeriodResult<Out>> {
  /** The aggregator run in each period. */
  readonly inner: Aggregator<T, State, Out>
  /** The kind of period. */
  readonly unit: PeriodUnit
  /** The time zone of the periods. */
  readonly timeZone: string
  /** The periods a state reports, in time order (range, or first to last with data, gaps included). */
  periodsOf(state: ByPeriodState<State>): PeriodInfo[]
}

/** Items added one by one at a time (their dates read ahead), once runs of one period stop paying. */
const SCATTER = 1024
/** Options of byPeriod echoed in its result beside the calendar. */
const ECHOED = { asOf: _AS_OF, inputTimeZone: _INPUT_TIME_ZONE, disambiguation: _DISAMBIGUATION } as const

/**
 * Runs an aggregator per calendar period — "NPS by quarter", "CSAT by month in São Paulo time" — in one
 * pass. Each item goes to the period that contains its date in the options' time zone; periods are
 * half-open and DST-correct, and their boundaries are computed once per period, not per item.
 *
 * The result lists the periods in time order with the inner result of each; with `range`, every
 * period of the range appears (empty ones with the inner aggregator's empty result, `value: null`);
 * with `asOf`, periods not over yet are marked `complete: false`. Items without a usable date or
 * outside the range are counted in `excluded`, never dropped silently.
 *
 * @example
 * ```ts
 * const monthly = byPeriod(npsAggregator((r: Row) => r.nps), {
 *   date: (r) => r.at, unit: 'month', timeZone: 'America/Sao_Paulo',
 * })
 * fold(monthly, responses).periods // [{ period: { key: '2024-01', … }, result: { kpi: 'nps', value: … } }, …]
 * ```
 * @category Time
 */
/* @__NO_SIDE_EFFECTS__ */
export function byPeriod<T, State, Out>(
  aggregator: Aggregator<T, State, Out>,
  options: ByPeriodOptions<T>,
): ByPeriodAggregator<T, State, Out> {
  const fn = 'byPeriod'
  if (aggregator === null || typeof aggregator !== 'object' || typeof aggregator.add !== 'function') {
    throw _typeError(fn, 'aggregator', 'an aggregator', aggregator)
  }
  const o = _options(fn, options, [
    ..._CALENDAR_KEYS,
    'date',
    'unit',
    'range',
    'asOf',
    'inputTimeZone',
    'disambiguation',
    'onInvalid',
  ])
  const instant = _instantReader(fn, o)
  _function(fn, 'options.date', o.date)
  const date = o.date as Accessor<T, DateInput | null | undefined>
  const calendar = _calendar(fn, o.unit, options)
  const onInvalid =
    o.onInvalid === undefined ? 'exclude' : _oneOf(fn, 'options.onInvalid', o.onInvalid, ['exclude', 'throw'])
  const from =
    o.range === undefined
      ? Number.NEGATIVE_INFINITY
      : _instantArgument(fn, 'options.range.from', o.range.from)
  const to =
    o.range === undefined ? Number.POSITIVE_INFINITY : _instantArgument(fn, 'options.range.to', o.range.to)
  const asOf = o.asOf === undefined ? Number.POSITIVE_INFINITY : _instantArgument(fn, 'options.asOf', o.asOf)
  const made = JSON.stringify({ ..._variant(_CALENDAR_RULES, o), unit: calendar.unit })
  const variant = { ..._variant(_CALENDAR_RULES, o), unit: calendar.unit, ..._variant(ECHOED, o) }
  const upper = Math.min(to, asOf)
  // Instants that need no further check: valid (within the Date range) and inside [from, upper).
  const fastLow = Math.max(from, -8.64e15)
  const fastHigh = Math.min(upper, 8.64e15 + 1)
  const locate = _locator(calendar)
  let last: _Period = { id: -1, key: '', start: 0, end: 0 }
  // The inner states of the state being filled are also kept by period id, so that an item of the
  // same period as the one before costs no lookup by key. `state.periods` stays the source of truth.
  let owner: ByPeriodState<State> | null = null
  // The start of each period key seen, so that a result reads its periods' keys without zone
  // arithmetic: filled as periods are created, and as keys of merged or stored states are parsed.
  const starts = new Map<string, number>()
  let slots: (State | undefined)[] = []

  // The hot loop of addRange: folds items into `run` while their instants are plain numbers inside
  // [low, high), and returns the index of the first item that is not (kept small so the engine
  // optimises it on its own).
  let run: State | undefined
  // The date of the item `follow` stopped at, so that it is read once (in random order, every item).
  let stoppedAt = -1
  let stopped: unknown
  const follow = (items: ArrayLike<T>, from: number, end: number, low: number, high: number): number => {
    let inner = run as State
    let i = from
    for (; i < end; i++) {
      const item = items[i] as T
      const raw = date(item, i)
      if (typeof raw !== 'number' || !(raw >= low && raw < high)) {
        stoppedAt = i
        stopped = raw
        break
      }
      inner = aggregator.add(inner, item, i)
    }
    run = inner
    return i
  }

  /** The instant of a date that is not a plain in-range number, or null after counting why not. */
  const classify = (state: ByPeriodState<State>, raw: unknown, index: number): number | null => {
    const t = raw === null || raw === undefined ? null : instant(raw)
    if (t !== null && t >= from && t < upper) return t
    const reason = raw === null || raw === undefined ? 'missing' : t === null ? 'invalid' : 'outOfRange'
    _exclude(state.excluded, reason, onInvalid, fn, index, raw)
    return null
  }
  /** The inner state of `period` in `state` (created empty when the period is new to it). */
  const slot = (state: ByPeriodState<State>, period: _Period): State => {
    if (owner !== state) {
      owner = state
      slots = []
    }
    let inner = slots[period.id]
    if (inner === undefined) {
      inner = state.periods[period.key] ?? aggregator.init()
      state.periods[period.key] = inner
      slots[period.id] = inner
      if (!starts.has(period.key)) starts.set(period.key, period.start)
    }
    return inner
  }
  const store = (state: ByPeriodState<State>, period: _Period, inner: State): void => {
    state.periods[period.key] = inner
    slots[period.id] = inner
  }
  // The dates of the items added one by one, read ahead (random order).
  const dates: unknown[] = []
  /** Adds one item whose date is `raw`. */
  const one = (state: ByPeriodState<State>, item: T, index: number, raw: unknown): void => {
    const t = typeof raw === 'number' && raw >= fastLow && raw < fastHigh ? raw : classify(state, raw, index)
    if (t === null) return
    if (t < last.start || t >= last.end) last = locate(t)
    const period = last
    const inner = slot(state, period)
    const next = aggregator.add(inner, item, index)
    if (next !== inner) store(state, period, next)
  }

  // The periods between two instants, walked once per span and kept: results are read repeatedly
  // over the same span, and zone arithmetic is the expensive part.
  const spans = new Map<string, PeriodInfo[]>()
  const walk = (first: number, final: number): PeriodInfo[] => {
    const id = `${first}/${final}`
    let list = spans.get(id)
    if (list === undefined) {
      list = []
      for (let start = calendar.startOf(first); start < final; ) {
        const end = calendar.next(start)
        list.push({
          key: calendar.key(start),
          start,
          end,
          complete: end <= asOf && start >= from && end <= to,
        })
        start = end
      }
      if (spans.size >= 32) spans.clear()
      spans.set(id, list)
    }
    return list
  }
  const startOf = (key: string): number => {
    let start = starts.get(key)
    if (start === undefined) {
      start = calendar.parse(key) as number
      if (starts.size >= 100_000) starts.clear()
      starts.set(key, start)
    }
    return start
  }
  const periodsOf = (state: ByPeriodState<State>): PeriodInfo[] => {
    if (o.range !== undefined) return walk(from, to)
    let first = Number.POSITIVE_INFINITY
    let final = Number.NEGATIVE_INFINITY
    for (const key in state.periods) {
      const start = startOf(key)
      if (start < first) first = start
      if (start >= final) final = start + 1
    }
    return first === Number.POSITIVE_INFINITY ? [] : walk(first, final)
  }

  return {
    kpi: 'byPeriod',
    inner: aggregator,
    unit: calendar.unit,
    timeZone: calendar.timeZone,
    periodsOf,
    init: () => ({ calendar: made, periods: {}, excluded: { missing: 0, invalid: 0, outOfRange: 0 } }),
    add: (state, item, index) => {
      one(state, item, index, date(item, index))
      return state
    },
    addRange: (state, items, begin, end) => {
      stoppedAt = -1
      let period = last
      let base: State | undefined
      let i = begin
      // Runs of one item in a row: the items are not in time order.
      let single = 0
      while (i < end) {
        if (single >= 4) {
          // In random order every item changes period, and looking for a run costs more than it saves:
          // the next items are added one by one, then runs are looked for again.
          if (base !== undefined && run !== base) store(state, period, run as State)
          base = undefined
          // Their dates are read first, in a loop of their own: reads that do not wait for one another
          // overlap while the memory answers, and the items are still in the cache when they are added.
          const from = i
          const stop = Math.min(end, i + SCATTER)
          for (let k = from; k < stop; k++)
            dates[k - from] = k === stoppedAt ? stopped : date(items[k] as T, k)
          for (; i < stop; i++) one(state, items[i] as T, i, dates[i - from])
          period = last
          single = 0
          continue
        }
        const item = items[i] as T
        const raw = i === stoppedAt ? stopped : date(item, i)
        const t = typeof raw === 'number' && raw >= fastLow && raw < fastHigh ? raw : classify(state, raw, i)
        if (t === null) {
          i++
          continue
        }
        if (base !== undefined && run !== base) store(state, period, run as State)
        if (t < period.start || t >= period.end) period = last = locate(t)
        base = slot(state, period)
        run = aggregator.add(base, item, i)
        const next = follow(
          items,
          i + 1,
          end,
          Math.max(period.start, fastLow),
          Math.min(period.end, fastHigh),
        )
        single = next === i + 1 ? single + 1 : 0
        i = next
      }
      if (base !== undefined && run !== base) store(state, period, run as State)
      run = undefined
      dates.length = 0
      stoppedAt = -1
      stopped = undefined
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      if (a.calendar !== b.calendar)
        throw new KpiError(
          'incompatible-state',
          `byPeriod: cannot merge a state of the periods ${b.calendar} into one of ${a.calendar}`,
          { kpi: 'byPeriod' },
        )
      if (a === owner) owner = null
      for (const key in b.periods) {
        const mine = a.periods[key]
        a.periods[key] = aggregator.merge(
          mine === undefined ? aggregator.init() : mine,
          b.periods[key] as State,
        )
      }
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result: (state) => ({
      kind: 'series',
      kpi: 'byPeriod',
      variant,
      unit: calendar.unit,
      timeZone: calendar.timeZone,
      periods: periodsOf(state).map((period) => {
        // Each result gets its own copy of the period, so that callers may change what they receive.
        const inner = state.periods[period.key]
        return {
          period: { ...period },
          result: aggregator.result(inner === undefined ? aggregator.init() : inner),
        }
      }),
      excluded: { ...state.excluded },
    }),
  }
}
