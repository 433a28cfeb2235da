import type { _Docs } from '../core/_documented.ts'
import type { _Check, _Resolved } from '../core/_resolve.ts'
import { type _Defaulted, _DISAMBIGUATION, _INPUT_TIME_ZONE, _LEVEL, _ON_INVALID } from '../core/_rules.ts'
import type { ParseInstantOptions } from '../core/parseInstant.ts'
import type { ConfidenceInterval, OnInvalid } from '../core/result.ts'
import { type QuantileMethod, quantileSorted } from '../stats/quantileSorted.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { _businessHoursOf, type BusinessHours, type Schedule } from '../time/businessHours.ts'

/**
 * Statistics of a set of durations, in milliseconds.
 * @category Support
 */
export interface DurationStats {
  /** Durations measured. */
  readonly n: number
  /** Mean, or `null` without durations. */
  readonly meanMs: number | null
  /** Median. */
  readonly medianMs: number | null
  /** 90th percentile. */
  readonly p90Ms: number | null
  /** 95th percentile. */
  readonly p95Ms: number | null
  /** Shortest. */
  readonly minMs: number | null
  /** Longest. */
  readonly maxMs: number | null
}

/**
 * The share of durations within a target, with its Wilson interval.
 * @category Support
 */
export interface TargetAttainment {
  /** The target, in ms (business ms with a schedule). */
  readonly targetMs: number
  /** Share within the target (at or under it), 0…1. */
  readonly value: number | null
  /** Durations within the target. */
  readonly successes: number
  /** Durations measured. */
  readonly n: number
  /** Wilson interval of the share. */
  readonly ci: ConfidenceInterval | null
  /** Always `'proportion'`, for {@link compare}. */
  readonly measure: 'proportion'
}

/**
 * The statistic a duration KPI reports as its `value`.
 * @category Support
 */
export type DurationStatistic = 'median' | 'mean' | 'p90' | 'p95'

/**
 * Options every duration KPI shares.
 * @category Support
 */
export interface DurationOptions extends ParseInstantOptions {
  /** Business hours: durations are then also measured in business time, which `value` reports. */
  readonly schedule?: Schedule | BusinessHours
  /**
   * The statistic reported as `value`.
   * @defaultValue 'median'
   */
  readonly method?: DurationStatistic
  /**
   * How percentiles are read: linear interpolation (R type 7, numpy's default) or nearest rank.
   * @defaultValue 'linear'
   */
  readonly quantileMethod?: QuantileMethod
  /** A target in ms (business ms with a schedule): the result then reports the share within it. */
  readonly targetMs?: number
  /**
   * Confidence level of the target share's interval.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * What to do with a ticket whose dates are invalid.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

export interface _DurationConfig {
  readonly hours: BusinessHours | null
  readonly statistic: DurationStatistic
  readonly percentile: QuantileMethod
  readonly target: number | null
  readonly level: number
  readonly onInvalid: OnInvalid
}

export const _SCHEDULE: _Check = {
  type: 'custom',
  expected: 'a schedule or prepared business hours (businessHours)',
  aliases: ['businessHours', 'hours', 'calendar'],
}

/** The option rules every duration KPI shares. */
export const _DURATION_RULES: {
  readonly schedule: _Check
  readonly method: _Defaulted<DurationStatistic>
  readonly quantileMethod: _Defaulted<QuantileMethod>
  readonly targetMs: _Check
  readonly level: _Defaulted<number>
  readonly inputTimeZone: _Check
  readonly disambiguation: _Defaulted<'reject' | 'compatible' | 'earlier' | 'later'>
  readonly onInvalid: _Defaulted<OnInvalid>
} = {
  schedule: _SCHEDULE,
  method: {
    type: 'enum',
    values: ['median', 'mean', 'p90', 'p95'],
    default: 'median',
  },
  quantileMethod: {
    type: 'enum',
    values: ['linear', 'nearest-rank'],
    default: 'linear',
  },
  targetMs: {
    type: 'number',
    min: 0,
  },
  level: _LEVEL,
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
}

/** The resolved duration options as the support KPIs use them. */
export function _durationConfig(
  fn: string,
  o: _Resolved<DurationOptions, typeof _DURATION_RULES>,
): _DurationConfig {
  const s = o.schedule
  return {
    hours: s === undefined ? null : _businessHoursOf(s, fn, 'options.schedule'),
    statistic: o.method,
    percentile: o.quantileMethod,
    target: o.targetMs ?? null,
    level: o.level,
    onInvalid: o.onInvalid,
  }
}

/** The statistics of no durations. */
export const _NO_DURATIONS: DurationStats = {
  n: 0,
  meanMs: null,
  medianMs: null,
  p90Ms: null,
  p95Ms: null,
  minMs: null,
  maxMs: null,
}

/**
 * Statistics of durations, with exact percentiles. A short list (or one holding NaN) is sorted; a long
 * one is not: each percentile's order statistics are selected in place (quickselect, with a sort of
 * the part left when it recurses too deep), which is linear where a sort is n log n.
 */
export function _durationStats(values: readonly number[], method: QuantileMethod): DurationStats {
  const n = values.length
  if (n === 0) return { ..._NO_DURATIONS }
  const a = Float64Array.from(values)
  let sum = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let nan = false
  if (n < SELECT_FROM) a.sort()
  for (let i = 0; i < n; i++) {
    const v = a[i] as number
    sum += v
    if (v < min) min = v
    if (v > max) max = v
    if (Number.isNaN(v)) nan = true
  }
  if (nan && n >= SELECT_FROM) {
    a.sort()
    sum = 0
    for (let i = 0; i < n; i++) sum += a[i] as number
  }
  const sorted = nan || n < SELECT_FROM
  // The order statistics a percentile reads, selected: at most two neighbours, from `from` on (the
  // positions before it hold the smaller values, selected for a lower percentile).
  let from = 0
  const at = (p: number): number => {
    if (sorted) return quantileSorted(a, p, method) as number
    const low =
      method === 'nearest-rank'
        ? Math.min(n, Math.max(1, Math.ceil(p * n - 1e-9 * p * n))) - 1
        : Math.floor((n - 1) * p)
    if (low >= from) _select(a, low, from, n - 1)
    from = Math.max(from, low + 1)
    // quantileSorted reads positions `low` and `low + 1` only: the two order statistics, as a sparse view.
    const view: { length: number; [i: number]: number } = { length: n }
    view[low] = a[low] as number
    if (low + 1 < n) {
      let next = Number.POSITIVE_INFINITY
      for (let i = low + 1; i < n; i++) if ((a[i] as number) < next) next = a[i] as number
      view[low + 1] = next
    }
    return quantileSorted(view, p, method) as number
  }
  const medianMs = at(0.5)
  const p90Ms = at(0.9)
  const p95Ms = at(0.95)
  return {
    n,
    meanMs: sum / n,
    medianMs,
    p90Ms,
    p95Ms,
    minMs: sorted ? (a[0] as number) : min,
    maxMs: sorted ? (a[n - 1] as number) : max,
  }
}

/** The lists sorted rather than selected in: under this length a sort costs no more. */
const SELECT_FROM = 256

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value it would hold sorted, the smaller ones before
 * it and the larger after (Hoare's quickselect with a median-of-three pivot; a part that is still
 * being split after 2·log2 n rounds is sorted, so the cost stays n log n at worst). Written by hand: no
 * well-kept library selects in a Float64Array in place.
 */
export function _select(a: Float64Array, k: number, lo: number, hi: number): void {
  let depth = 2 * Math.ceil(Math.log2(hi - lo + 2))
  while (hi > lo) {
    if (hi - lo < 16 || depth-- === 0) {
      a.subarray(lo, hi + 1).sort()
      return
    }
    const mid = (lo + hi) >>> 1
    const x = a[lo] as number
    const y = a[mid] as number
    const z = a[hi] as number
    // The median of the three.
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z))
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i] = a[j] as number
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return
  }
}

/** The statistic a KPI reports as its value. */
export function _pick(stats: DurationStats, statistic: DurationStatistic): number | null {
  return statistic === 'mean'
    ? stats.meanMs
    : statistic === 'p90'
      ? stats.p90Ms
      : statistic === 'p95'
        ? stats.p95Ms
        : stats.medianMs
}

/** How many durations are at or under the target (0 without a target). */
export function _within(values: readonly number[], config: _DurationConfig): number {
  const target = config.target
  if (target === null) return 0
  let k = 0
  for (const v of values) if (v <= target) k++
  return k
}

/** The share of `n` durations within the target, `successes` of them. */
export function _attainment(successes: number, n: number, config: _DurationConfig): TargetAttainment | null {
  if (config.target === null) return null
  return {
    targetMs: config.target,
    value: n === 0 ? null : successes / n,
    successes,
    n,
    ci: wilsonInterval(successes, n, { level: config.level }),
    measure: 'proportion',
  }
}

/** One line on each shared support option, for the descriptors. */
export const _SUPPORT_DOCS: _Docs = {
  schedule: 'Business hours: durations are then also measured in business time, which `value` reports.',
  method: 'The statistic reported as `value`.',
  quantileMethod: 'How percentiles are read: linear interpolation (R type 7) or nearest rank.',
  targetMs: 'A target in ms (business ms with a schedule): the result reports the share within it.',
}
