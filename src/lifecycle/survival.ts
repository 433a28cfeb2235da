import { _accessorAndOptions } from '../core/_args.ts'
import { _copy } from '../core/_copy.ts'
import { _dict, _get, _set } from '../core/_dict.ts'
import { _documented } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS, _LEVEL, _ON_INVALID } from '../core/_rules.ts'
import { _emptyReason, _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ConfidenceInterval, ExclusionCounts, KpiResult, OnInvalid } from '../core/result.ts'
import {
  _curve,
  _logRank,
  type LogRankTest,
  type SurvivalCurve,
  type SurvivalTally,
} from '../stats/_kaplanMeier.ts'
import { normalQuantile } from '../stats/normalQuantile.ts'

/**
 * One subject of a survival analysis: how long it was observed, whether the observation ended with the
 * event (churn) or was censored (still active, or lost to follow-up), and optionally when it entered
 * observation (delayed entry) and its group.
 * @category Lifecycle
 */
export interface SurvivalObservation {
  /** Time at which the observation ended, in any unit (days, months…). */
  readonly time: number
  /** True (or 1) when the event happened at `time`; false (or 0) when censored. */
  readonly event: boolean | 0 | 1
  /** Time at which observation began (left truncation); the subject is at risk only after it. */
  readonly entry?: number
  /** Group, for per-group curves and the log-rank test. */
  readonly group?: string | number
}

/**
 * Options of {@link survival}.
 * @category Lifecycle
 */
export interface SurvivalOptions {
  /**
   * Confidence level of the pointwise intervals and of the median's interval.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * How the pointwise interval is built: on log S (`'log'`, R's default), on log(−log S) (`'log-log'`), or
   * on S itself (`'plain'`).
   * @defaultValue 'log'
   */
  readonly interval?: 'log' | 'log-log' | 'plain'
  /** Horizon of the restricted mean lifetime (the area under the curve from 0 to it). */
  readonly horizon?: number
  /**
   * When the curve sits exactly at 0.5 over an interval: the midpoint of that interval (`'midpoint'`, R's
   * rule) or its start (`'first'`, lifelines).
   * @defaultValue 'midpoint'
   */
  readonly median?: 'midpoint' | 'first'
  /**
   * What to do with an invalid observation.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

export type { LogRankTest, SurvivalCurve, SurvivalPoint, SurvivalTally } from '../stats/_kaplanMeier.ts'

/**
 * The result of {@link survival}.
 * @category Lifecycle
 */
export interface SurvivalResult extends SurvivalCurve, Omit<KpiResult<'survival'>, 'kind'> {
  /** Always `'figure'`: a curve, whose headline `value` is the median lifetime. */
  readonly kind: 'figure'
  /** The interval of the median, when both of its bounds are reached (else see `median.lower`/`upper`). */
  readonly ci: ConfidenceInterval | null
  /** The interval method. */
  readonly interval: 'log' | 'log-log' | 'plain'
  /** The confidence level. */
  readonly level: number
  /** Per-group curves, when observations have groups. */
  readonly groups: Record<string, SurvivalCurve> | null
  /** The log-rank test, when there are two or more groups. */
  readonly logRank: LogRankTest | null
}

/**
 * The state of {@link survivalAggregator}: counts per time, per group (`''` without groups).
 * @category Lifecycle
 */
export interface SurvivalState {
  /** Counts per group. */
  groups: Record<string, SurvivalTally>
  /** Observations left out. */
  excluded: ExclusionCounts
}

const RULES = {
  level: _LEVEL,
  interval: {
    type: 'enum',
    values: ['log', 'log-log', 'plain'],
    default: 'log',
  },
  horizon: { type: 'number', min: 0 },
  median: {
    type: 'enum',
    values: ['midpoint', 'first'],
    default: 'midpoint',
  },
  onInvalid: _ON_INVALID,
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  interval: 'The pointwise interval of the curve (R’s conf.type).',
  horizon: 'The restricted mean is computed up to this time.',
  median: 'A flat 0.5 stretch: its midpoint (R) or its first time (lifelines).',
}

/**
 * What {@link survival} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const survivalDescriptor: KpiDescriptor = {
  id: 'survival',
  title: 'Kaplan–Meier customer survival',
  category: 'lifecycle',
  input: {
    kind: 'observation',
    fields: {
      time: { type: 'number', required: true, doc: 'Time to churn or censoring.' },
      event: { type: 'boolean', required: true, doc: 'Churned (true) or censored.' },
    },
  },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, DOCS),
  result: {
    kind: 'figure',
    unit: 'time',
    measure: 'level',
    bounds: [0, null],
    better: 'higher',
    components: ['curve', 'median', 'restrictedMean', 'groups', 'logRank'],
  },
  periodModel: 'none',
  compute: survival,
  aggregator: survivalAggregator,
}

/**
 * The aggregator behind {@link survival}.
 * @category Lifecycle
 */
export function survivalAggregator(
  options?: SurvivalOptions,
): Aggregator<SurvivalObservation, SurvivalState, SurvivalResult>
export function survivalAggregator<T>(
  accessor: Accessor<T, SurvivalObservation>,
  options?: SurvivalOptions,
): Aggregator<T, SurvivalState, SurvivalResult>
/* @__NO_SIDE_EFFECTS__ */
export function survivalAggregator<T>(
  accessorOrOptions?: Accessor<T, SurvivalObservation> | SurvivalOptions,
  maybeOptions?: SurvivalOptions,
): Aggregator<T, SurvivalState, SurvivalResult> {
  const fn = 'survival'
  const [accessor, options] = _accessorAndOptions<Accessor<T, SurvivalObservation>, SurvivalOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const level = o.level
  const interval = o.interval
  const horizon = o.horizon ?? null
  const rule = o.median
  const onInvalid = o.onInvalid
  const z = normalQuantile(1 - (1 - level) / 2)
  return {
    kpi: fn,
    init: () => ({ groups: _dict(), excluded: { missing: 0, invalid: 0 } }),
    add(state, item, index) {
      const x = accessor === undefined ? (item as unknown as SurvivalObservation) : accessor(item, index)
      if (x === null || x === undefined) {
        _exclude(state.excluded, 'missing', onInvalid, fn, index, x)
        return state
      }
      const { time, event, entry, group } = x
      const ok =
        typeof time === 'number' &&
        Number.isFinite(time) &&
        (event === true || event === false || event === 0 || event === 1) &&
        (entry === undefined || (typeof entry === 'number' && Number.isFinite(entry) && entry < time)) &&
        (group === undefined || typeof group === 'string' || typeof group === 'number')
      if (!ok) {
        _exclude(
          state.excluded,
          time === undefined || event === undefined ? 'missing' : 'invalid',
          onInvalid,
          fn,
          index,
          time,
        )
        return state
      }
      const key = group === undefined ? '' : String(group)
      let tally = _get(state.groups, key)
      if (tally === undefined) {
        tally = { open: 0, times: {} }
        _set(state.groups, key, tally)
      }
      const at = (t: number): [number, number, number] => {
        const k = String(t)
        let c = (tally as SurvivalTally).times[k]
        if (c === undefined) {
          c = [0, 0, 0]
          ;(tally as SurvivalTally).times[k] = c
        }
        return c
      }
      const counts = at(time)
      if (event === true || event === 1) counts[0]++
      else counts[1]++
      if (entry === undefined) tally.open++
      else at(entry)[2]++
      return state
    },
    merge(a, b) {
      if (a === b) b = _copy(b)
      for (const key of Object.keys(b.groups)) {
        const from = b.groups[key] as SurvivalTally
        let into = _get(a.groups, key)
        if (into === undefined) {
          into = { open: 0, times: {} }
          _set(a.groups, key, into)
        }
        into.open += from.open
        for (const t in from.times) {
          const [d, c, e] = from.times[t] as [number, number, number]
          const mine = into.times[t]
          if (mine === undefined) into.times[t] = [d, c, e]
          else {
            mine[0] += d
            mine[1] += c
            mine[2] += e
          }
        }
      }
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result(state) {
      const names = Object.keys(state.groups).sort()
      const tallies = names.map((k) => state.groups[k] as SurvivalTally)
      const pooled = _curve(tallies, z, interval, horizon, rule)
      const grouped = names.length > 1 || (names.length === 1 && names[0] !== '')
      const groups: Record<string, SurvivalCurve> | null = grouped ? {} : null
      if (groups !== null)
        for (const k of names)
          _set(groups, k, _curve([state.groups[k] as SurvivalTally], z, interval, horizon, rule))
      const { lower, upper } = pooled.median
      return {
        kind: 'figure',
        kpi: 'survival',
        value: pooled.median.value,
        reason: pooled.n === 0 ? _emptyReason(state.excluded) : pooled.median.reached ? null : 'not-reached',
        variant,
        excluded: { ...state.excluded },
        ...pooled,
        ci: lower === null || upper === null ? null : { lower, upper, level, method: `km-${interval}` },
        interval,
        level,
        groups,
        logRank: names.length >= 2 ? _logRank(names, tallies) : null,
      }
    },
  }
}

/**
 * Kaplan–Meier survival: the share of customers (or any subjects) still active after each time, when some
 * are still active (censored) and some joined observation late (delayed entry). Censored subjects leave
 * the risk set without counting as churn; with delayed entry a subject is at risk only after its entry.
 * S(t) = ∏ over event times tᵢ ≤ t of (1 − dᵢ/nᵢ); Greenwood's variance
 * Var S(t) = S(t)² ∑ dᵢ/(nᵢ(nᵢ − dᵢ)); pointwise intervals on log S (R's default), log(−log S) or S.
 *
 * Summaries: the median lifetime with its interval (R's rule; `null` and `reached: false` when the curve
 * stays above 0.5 — never Infinity), the restricted mean lifetime to a `horizon` with its standard error,
 * per-group curves and, for two or more groups, the log-rank test (k − 1 degrees of freedom). `value` is the median. Times are in the unit
 * of the input; {@link customerLifetimes} makes observations from subscriptions.
 *
 * Reproduces R's `survival::survfit` and `survdiff` (tested to 1e-6 on the Gehan, AML, glioma and MACS
 * data sets). Sources: Kaplan & Meier (1958); Greenwood (1926); spec §4.5.
 *
 * @example
 * ```ts
 * // Events at 6, 10 and 13, one customer censored at 7: S(6) = 3/4, S(10) = 3/4 × 1/2 = 3/8.
 * const km = survival([
 *   { time: 6, event: true },
 *   { time: 7, event: false },
 *   { time: 10, event: true },
 *   { time: 13, event: true },
 * ])
 * km.median.value //=> 10
 * ```
 * @category Lifecycle
 */
export function survival(
  observations: Iterable<SurvivalObservation>,
  options?: SurvivalOptions,
): SurvivalResult
export function survival<T>(
  observations: Iterable<T>,
  accessor: Accessor<T, SurvivalObservation>,
  options?: SurvivalOptions,
): SurvivalResult
export function survival<T>(
  observations: Iterable<T>,
  accessorOrOptions?: Accessor<T, SurvivalObservation> | SurvivalOptions,
  options?: SurvivalOptions,
): SurvivalResult {
  return _foldAs(
    'survival',
    survivalAggregator(accessorOrOptions as Accessor<T, SurvivalObservation>, options),
    observations,
  )
}
