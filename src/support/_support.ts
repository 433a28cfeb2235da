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

/** Statistics of durations (sorted here; exact percentiles). */
export function _durationStats(values: readonly number[], method: QuantileMethod): DurationStats {
  const sorted = Float64Array.from(values).sort()
  const n = sorted.length
  const at = (p: number): number | null => (n === 0 ? null : quantileSorted(sorted, p, method))
  let sum = 0
  for (const v of sorted) sum += v
  return {
    n,
    meanMs: n === 0 ? null : sum / n,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    p95Ms: at(0.95),
    minMs: n === 0 ? null : (sorted[0] as number),
    maxMs: n === 0 ? null : (sorted[n - 1] as number),
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
