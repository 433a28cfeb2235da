import { _accessorAndOptions } from '../core/_args.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _resolve } from '../core/_resolve.ts'
import { _LEVEL, _ON_INVALID } from '../core/_rules.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ExclusionCounts, KpiResult, OnInvalid } from '../core/result.ts'
import { normalCdf } from '../stats/normalCdf.ts'
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

/**
 * One row of a Kaplan–Meier curve: a time at which an event or a censoring happened.
 * @category Lifecycle
 */
export interface SurvivalPoint {
  /** The time. */
  readonly time: number
  /** Subjects at risk just before it. */
  readonly atRisk: number
  /** Events at it. */
  readonly events: number
  /** Censored at it. */
  readonly censored: number
  /** S(t), the share surviving past it. */
  readonly survival: number
  /** Greenwood standard error of S(t); `null` once S reaches 0. */
  readonly standardError: number | null
  /** Lower bound of the pointwise interval, or `null` where it is undefined. */
  readonly lower: number | null
  /** Upper bound of the pointwise interval, or `null` where it is undefined. */
  readonly upper: number | null
}

/**
 * A Kaplan–Meier curve and its summaries.
 * @category Lifecycle
 */
export interface SurvivalCurve {
  /** Subjects. */
  readonly n: number
  /** Events. */
  readonly events: number
  /** The curve, one row per distinct time. */
  readonly curve: SurvivalPoint[]
  /**
   * Median lifetime: the smallest time with S(t) ≤ 0.5, with the same rule applied to the interval's
   * bounds; `value: null, reached: false` when the curve never gets there (never Infinity).
   */
  readonly median: {
    /** The median, or `null` when not reached. */
    readonly value: number | null
    /** Whether the curve reached 0.5. */
    readonly reached: boolean
    /** The same time on the interval's lower curve, or `null`. */
    readonly lower: number | null
    /** The same time on the interval's upper curve, or `null` (often not reached). */
    readonly upper: number | null
  }
  /** Restricted mean lifetime to `horizon` (area under S from 0), with its standard error; with `horizon` only. */
  readonly restrictedMean: {
    /** The horizon. */
    readonly horizon: number
    /** Expected time alive up to the horizon. */
    readonly value: number
    /** Its standard error (delta method, as R's print.survfit). */
    readonly standardError: number
  } | null
}

/**
 * The log-rank test of two groups' curves.
 * @category Lifecycle
 */
export interface LogRankTest {
  /** The two groups. */
  readonly groups: [string, string]
  /** Observed events in each. */
  readonly observed: [number, number]
  /** Expected events in each under equal hazards. */
  readonly expected: [number, number]
  /** The chi-square statistic (1 degree of freedom). */
  readonly chiSquare: number
  /** Its p-value. */
  readonly pValue: number
}

/**
 * The result of {@link survival}.
 * @category Lifecycle
 */
export interface SurvivalResult extends SurvivalCurve, KpiResult<'survival'> {
  /** The interval method. */
  readonly interval: 'log' | 'log-log' | 'plain'
  /** The confidence level. */
  readonly level: number
  /** Per-group curves, when observations have groups. */
  readonly groups: Record<string, SurvivalCurve> | null
  /** The log-rank test, when there are exactly two groups. */
  readonly logRank: LogRankTest | null
}

/**
 * Survival counts of one group: per time, [events, censored, entries]; `open` counts subjects without an
 * entry time.
 * @category Lifecycle
 */
export interface SurvivalTally {
  /** Subjects at risk from the start (no entry time). */
  open: number
  /** Per time (as a string key): [events, censored, entries]. */
  times: Record<string, [number, number, number]>
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

interface _Row {
  t: number
  n: number
  d: number
  c: number
}

/** Per tally: sorted exit times with [events, censored], sorted entry times with counts, and open subjects. */
function sweep(tallies: readonly SurvivalTally[]): {
  exits: [number, number, number][]
  entries: [number, number][]
  open: number
} {
  const exits = new Map<number, [number, number]>()
  const entries = new Map<number, number>()
  let open = 0
  for (const tally of tallies) {
    open += tally.open
    for (const key in tally.times) {
      const [d, c, e] = tally.times[key] as [number, number, number]
      const t = Number(key)
      if (d + c > 0) {
        const x = exits.get(t)
        if (x === undefined) exits.set(t, [d, c])
        else {
          x[0] += d
          x[1] += c
        }
      }
      if (e > 0) entries.set(t, (entries.get(t) ?? 0) + e)
    }
  }
  return {
    exits: [...exits].map(([t, [d, c]]): [number, number, number] => [t, d, c]).sort((x, y) => x[0] - y[0]),
    entries: [...entries].sort((x, y) => x[0] - y[0]),
    open,
  }
}

/**
 * Risk sets and counts at the given sorted times (default: every exit time). At risk at t: entered
 * strictly before t (or with no entry time) and not out before t.
 */
function rows(tallies: readonly SurvivalTally[], at?: readonly number[]): _Row[] {
  const { exits, entries, open } = sweep(tallies)
  const times = at ?? exits.map((x) => x[0])
  const out: _Row[] = []
  let atRisk = open
  let i = 0
  let j = 0
  for (const t of times) {
    while (j < entries.length && (entries[j] as [number, number])[0] < t)
      atRisk += (entries[j++] as [number, number])[1]
    while (i < exits.length && (exits[i] as [number, number, number])[0] < t) {
      const [, d, c] = exits[i++] as [number, number, number]
      atRisk -= d + c
    }
    const x = exits[i]
    const here = x !== undefined && x[0] === t
    out.push({ t, n: atRisk, d: here ? x[1] : 0, c: here ? x[2] : 0 })
  }
  return out
}

/** R's median rule (survival:::minmin). */
function firstBelowHalf(
  ys: readonly (number | null)[],
  xs: readonly number[],
  rule: 'midpoint' | 'first',
): number | null {
  const tolerance = Math.sqrt(Number.EPSILON)
  const i = ys.findIndex((y) => y !== null && y < 0.5 + tolerance)
  if (i < 0) return null
  const y = ys[i] as number
  if (rule === 'midpoint' && Math.abs(y - 0.5) < tolerance) {
    const k = ys.findIndex((z, m) => m > i && z !== null && z < y)
    if (k >= 0) return ((xs[i] as number) + (xs[k] as number)) / 2
  }
  return xs[i] as number
}

function curveOf(
  tallies: readonly SurvivalTally[],
  z: number,
  interval: 'log' | 'log-log' | 'plain',
  horizon: number | null,
  rule: 'midpoint' | 'first',
): SurvivalCurve {
  const rs = rows(tallies)
  let s = 1
  let greenwood = 0
  let n = 0
  let events = 0
  for (const tally of tallies) {
    n += tally.open
    for (const key in tally.times) n += (tally.times[key] as [number, number, number])[2]
  }
  const curve: SurvivalPoint[] = rs.map(({ t, n: atRisk, d, c }) => {
    events += d
    s *= 1 - d / atRisk
    greenwood += d === atRisk ? Number.POSITIVE_INFINITY : d / (atRisk * (atRisk - d))
    const sigma = Math.sqrt(greenwood)
    let lower: number | null = null
    let upper: number | null = null
    if (s > 0 && Number.isFinite(sigma)) {
      if (interval === 'log') {
        lower = s * Math.exp(-z * sigma)
        upper = Math.min(1, s * Math.exp(z * sigma))
      } else if (interval === 'plain') {
        lower = Math.max(0, s - z * sigma * s)
        upper = Math.min(1, s + z * sigma * s)
      } else if (s < 1) {
        const shift = (z * sigma) / Math.log(s)
        // log(s) < 0, so the shift is negative: subtracting it gives the lower bound.
        lower = Math.exp(-Math.exp(Math.log(-Math.log(s)) - shift))
        upper = Math.exp(-Math.exp(Math.log(-Math.log(s)) + shift))
      }
    }
    return {
      time: t,
      atRisk,
      events: d,
      censored: c,
      survival: s,
      standardError: Number.isFinite(sigma) ? s * sigma : null,
      lower,
      upper,
    }
  })
  const times = curve.map((p) => p.time)
  const value = firstBelowHalf(
    curve.map((p) => p.survival),
    times,
    rule,
  )
  const median = {
    value,
    reached: value !== null,
    lower: firstBelowHalf(
      curve.map((p) => p.lower),
      times,
      rule,
    ),
    upper: firstBelowHalf(
      curve.map((p) => p.upper),
      times,
      rule,
    ),
  }
  return { n, events, curve, median, restrictedMean: horizon === null ? null : restrictedMean(rs, horizon) }
}

/** The area under S from 0 to the horizon, and its variance by the delta method (R's print.survfit rmean). */
function restrictedMean(
  rs: readonly _Row[],
  horizon: number,
): { horizon: number; value: number; standardError: number } {
  const kept = rs.filter((r) => r.t < horizon)
  // Segment i runs from the previous time (0 for the first) to kept[i].t with the survival before it.
  const knots = [Math.min(0, ...kept.map((r) => r.t)), ...kept.map((r) => r.t), horizon]
  const survivals = [1]
  let s = 1
  for (const r of kept) {
    s *= 1 - r.d / r.n
    survivals.push(s)
  }
  const areas = survivals.map((x, i) => x * ((knots[i + 1] as number) - (knots[i] as number)))
  const value = areas.reduce((a, b) => a + b, 0)
  // Var = sum over event times t_j of d/(n(n−d)) × (area after t_j)^2.
  let variance = 0
  let after = 0
  for (let i = kept.length - 1; i >= 0; i--) {
    after += areas[i + 1] as number
    const r = kept[i] as _Row
    if (r.d > 0 && r.n > r.d) variance += (after * after * r.d) / (r.n * (r.n - r.d))
  }
  return { horizon, value, standardError: Math.sqrt(variance) }
}

function logRank(names: [string, string], a: SurvivalTally, b: SurvivalTally): LogRankTest {
  const all = rows([a, b]).filter((r) => r.d > 0)
  const ra = rows(
    [a],
    all.map((r) => r.t),
  )
  let observed = 0
  let expected = 0
  let variance = 0
  let total = 0
  all.forEach((r, i) => {
    const x = ra[i] as _Row
    const share = x.n / r.n
    observed += x.d
    total += r.d
    expected += r.d * share
    if (r.n > 1) variance += (r.d * share * (1 - share) * (r.n - r.d)) / (r.n - 1)
  })
  const chiSquare = variance > 0 ? (observed - expected) ** 2 / variance : 0
  return {
    groups: names,
    observed: [observed, total - observed],
    expected: [expected, total - expected],
    chiSquare,
    pValue: 2 * (1 - normalCdf(Math.sqrt(chiSquare))),
  }
}

const RULES = {
  level: _LEVEL,
  interval: {
    type: 'enum',
    values: ['log', 'log-log', 'plain'],
    default: 'log',
    doc: 'The pointwise interval of the curve (R’s conf.type).',
  },
  horizon: { type: 'number', min: 0, doc: 'The restricted mean is computed up to this time.' },
  median: {
    type: 'enum',
    values: ['midpoint', 'first'],
    default: 'midpoint',
    doc: 'A flat 0.5 stretch: its midpoint (R) or its first time (lifelines).',
  },
  onInvalid: _ON_INVALID,
} as const

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
  options: RULES,
  result: {
    kind: 'table',
    unit: 'months',
    scale: 'level',
    range: [0, null],
    better: 'higher',
    components: ['curve', 'median', 'restrictedMean', 'groups', 'logRank'],
  },
  periods: 'none',
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
  const level = o.level
  const interval = o.interval
  const horizon = o.horizon ?? null
  const rule = o.median
  const onInvalid = o.onInvalid
  const z = normalQuantile(1 - (1 - level) / 2)
  return {
    kpi: fn,
    init: () => ({ groups: {}, excluded: { missing: 0, invalid: 0 } }),
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
      let tally = state.groups[key]
      if (tally === undefined) {
        tally = { open: 0, times: {} }
        state.groups[key] = tally
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
      for (const key in b.groups) {
        const from = b.groups[key] as SurvivalTally
        let into = a.groups[key]
        if (into === undefined) {
          into = { open: 0, times: {} }
          a.groups[key] = into
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
      const pooled = curveOf(tallies, z, interval, horizon, rule)
      const grouped = names.length > 1 || (names.length === 1 && names[0] !== '')
      const groups: Record<string, SurvivalCurve> | null = grouped ? {} : null
      if (groups !== null)
        for (const k of names)
          groups[k] = curveOf([state.groups[k] as SurvivalTally], z, interval, horizon, rule)
      return {
        kpi: 'survival',
        value: pooled.median.value,
        excluded: { ...state.excluded },
        ...pooled,
        interval,
        level,
        groups,
        logRank:
          names.length === 2
            ? logRank(
                names as [string, string],
                state.groups[names[0] as string] as SurvivalTally,
                state.groups[names[1] as string] as SurvivalTally,
              )
            : null,
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
 * per-group curves and, for two groups, the log-rank test. `value` is the median. Times are in the unit
 * of the input; {@link customerLifetimes} makes observations from subscriptions.
 *
 * Reproduces R's `survival::survfit` and `survdiff` (tested to 1e-6 on the Gehan, AML, glioma and MACS
 * data sets). Sources: Kaplan & Meier (1958); Greenwood (1926); spec §4.5.
 *
 * @example
 * ```ts
 * survival([{ time: 6, event: true }, { time: 7, event: false }, …]).median.value
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
