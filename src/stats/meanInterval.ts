import { _level, _number, _options } from '../core/_assert.ts'
import type { ConfidenceInterval } from '../core/result.ts'
import { studentTQuantile } from './studentTQuantile.ts'

/**
 * A summary of a sample of numbers.
 * @category Statistics
 */
export interface SampleSummary {
  /** Number of observations. */
  readonly n: number
  /** Arithmetic mean. */
  readonly mean: number
  /** Sample standard deviation (n − 1 in the denominator). */
  readonly standardDeviation: number
}

/**
 * Options of {@link meanInterval}.
 * @category Statistics
 */
export interface MeanIntervalOptions {
  /**
   * Confidence level.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/**
 * The t-interval of a mean: mean ± t_{n−1, 1−α/2} · s / √n, in the unit of the data — the interval of
 * a mean CSAT or CES rating. Fewer than two observations give `null`.
 *
 * Source: spec §2.4, §3.4; any statistics text (Student 1908).
 *
 * @example
 * ```ts
 * meanInterval({ n: 50, mean: 3.5, standardDeviation: 1.2164 }) //=> { lower: 3.154, upper: 3.846, … } (rounded)
 * ```
 * @category Statistics
 */
export function meanInterval(
  summary: SampleSummary,
  options?: MeanIntervalOptions,
): ConfidenceInterval | null {
  const fn = 'meanInterval'
  const n = _number(fn, 'summary.n', summary?.n, 0)
  const mean = _number(fn, 'summary.mean', summary.mean)
  const sd = _number(fn, 'summary.standardDeviation', summary.standardDeviation, 0)
  const o = _options(fn, options, ['level'])
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  if (n < 2) return null
  const half = (studentTQuantile(0.5 + level / 2, n - 1) * sd) / Math.sqrt(n)
  return { lower: mean - half, upper: mean + half, level, method: 't' }
}
