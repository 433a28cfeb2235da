import { _oneOf, _options, _typeError } from '../core/_assert.ts'
import { npsTest } from '../stats/npsTest.ts'
import type { SignificanceTest } from '../stats/significance.ts'
import { twoProportionTest } from '../stats/twoProportionTest.ts'
import { welchTest } from '../stats/welchTest.ts'

/**
 * What kind of number a result is, which decides how a change is reported:
 * - `'nps'`: a score in points (−100…100) with `promoters`, `passives`, `detractors` → change in
 *   points, NPS two-sample z-test;
 * - `'proportion'`: a share (0…1) of `n` with `successes` → change in points (× 100), two-proportion
 *   z-test with Newcombe's interval;
 * - `'mean'`: an average with `n` and `standardDeviation` → change in the data's unit, Welch t-test;
 * - `'points'`: an index or net score in points (net CES, ACSI) → change in points, no test;
 * - `'level'`: an amount or a count → change and relative change, no test.
 * @category Time
 */
export type Measure = 'nps' | 'proportion' | 'mean' | 'points' | 'level'

/**
 * The fields of a result that {@link compare} reads. KPI results carry them; any object with a
 * `value` can be compared as a level.
 * @category Time
 */
export interface Comparable {
  /** The number compared. */
  readonly value: number | null
  /** How the number is compared; a result without one is compared as a `'level'`. */
  readonly measure?: Measure
  /** Observations behind the value. */
  readonly n?: number
  /** Count of successes, for proportions (else `value × n`). */
  readonly successes?: number
  /** NPS promoters. */
  readonly promoters?: number
  /** NPS passives. */
  readonly passives?: number
  /** NPS detractors. */
  readonly detractors?: number
  /** Sample standard deviation, for means. */
  readonly standardDeviation?: number | null
}

/**
 * Options of {@link compare}.
 * @category Time
 */
export interface CompareOptions {
  /** Overrides the results' own `measure`. */
  readonly measure?: Measure
  /**
   * Confidence level of the interval of the difference.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/**
 * How a result moved from one period (or group) to another.
 * @category Time
 */
export interface Comparison {
  /** How the numbers were compared. */
  readonly measure: Measure
  /** The current value. */
  readonly current: number | null
  /** The previous value. */
  readonly previous: number | null
  /**
   * current − previous: in points for NPS and proportions (a CSAT of 60 % → 69 % is +9 points, never
   * "+15 %"), in the data's unit for means and levels; `null` when either value is.
   */
  readonly change: number | null
  /** (current − previous) / previous for levels; `null` for rates and scores, and for a base ≤ 0. */
  readonly relativeChange: number | null
  /** The significance test of the measure, or `null` for levels or without the fields it needs. */
  readonly test: SignificanceTest | null
}

const SCALES: readonly Measure[] = ['nps', 'proportion', 'mean', 'points', 'level']

/**
 * Compares two results of one KPI — this quarter against last, one segment against another — the way
 * the KPI's kind asks for: rates and scores move in points, levels in relative change, and where the
 * KPI defines a test (NPS two-sample z, two-proportion z, Welch t) the result says whether the move is
 * more than sampling noise. The two samples must be independent.
 *
 * @example
 * ```ts
 * compare({ value: 33, measure: 'nps', n: 100, promoters: 50, passives: 33, detractors: 17 },
 *         { value: 10, measure: 'nps', n: 100, promoters: 40, passives: 30, detractors: 30 })
 * //=> { measure: 'nps', current: 33, previous: 10, change: 23, relativeChange: null, test: { pValue: 0.042, … } }
 * compare({ value: 120_000 }, { value: 100_000 }) //=> { measure: 'level', change: 20000, relativeChange: 0.2, … }
 * ```
 * @category Time
 */
export function compare(current: Comparable, previous: Comparable, options?: CompareOptions): Comparison {
  const fn = 'compare'
  for (const [arg, value] of [
    ['current', current],
    ['previous', previous],
  ] as const) {
    if (value === null || typeof value !== 'object' || !('value' in value)) {
      throw _typeError(fn, arg, 'a result with a `value`', value)
    }
    const v = (value as { value: unknown }).value
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
      throw _typeError(fn, `${arg}.value`, 'a finite number or null', v)
  }
  const o = _options(fn, options, ['measure', 'level'])
  const measure =
    o.measure !== undefined
      ? _oneOf(fn, 'options.measure', o.measure, SCALES)
      : current.measure !== undefined
        ? _oneOf(fn, 'current.measure', current.measure, SCALES)
        : 'level'
  const level = o.level === undefined ? {} : { level: o.level }
  const c = current.value
  const p = previous.value
  const both = c !== null && p !== null
  const change = both ? (measure === 'proportion' ? 100 * (c - p) : c - p) : null
  const relativeChange = both && measure === 'level' && p > 0 ? (c - p) / p : null
  return {
    measure,
    current: c,
    previous: p,
    change,
    relativeChange,
    test: test(measure, current, previous, level),
  }
}

function test(
  measure: Measure,
  a: Comparable,
  b: Comparable,
  level: { level?: number },
): SignificanceTest | null {
  const counts = (r: Comparable) =>
    typeof r.promoters === 'number' && typeof r.passives === 'number' && typeof r.detractors === 'number'
      ? { promoters: r.promoters, passives: r.passives, detractors: r.detractors }
      : null
  const share = (r: Comparable) =>
    typeof r.n === 'number' && (typeof r.successes === 'number' || typeof r.value === 'number')
      ? { successes: r.successes ?? Math.min(r.n, Math.max(0, (r.value as number) * r.n)), trials: r.n }
      : null
  const summary = (r: Comparable) =>
    typeof r.n === 'number' && typeof r.value === 'number' && typeof r.standardDeviation === 'number'
      ? { n: r.n, mean: r.value, standardDeviation: r.standardDeviation }
      : null
  if (measure === 'nps') {
    const x = counts(a)
    const y = counts(b)
    return x && y && npsTest(x, y, level)
  }
  if (measure === 'proportion') {
    const x = share(a)
    const y = share(b)
    return x && y && twoProportionTest(x, y, level)
  }
  if (measure === 'mean') {
    const x = summary(a)
    const y = summary(b)
    return x && y && welchTest(x, y, level)
  }
  return null
}
