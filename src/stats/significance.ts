import type { ConfidenceInterval } from '../core/result.ts'

/**
 * The result of a two-sample test: how far apart two groups or periods are and whether the gap is more
 * than sampling noise.
 * @category Statistics
 */
export interface SignificanceTest {
  /** The test, e.g. `'two-proportion-z'`, `'nps-adjusted-wald-z'`, `'welch-t'`. */
  readonly method: string
  /** First minus second, in the unit of the compared values (points for NPS, proportion for shares). */
  readonly difference: number | null
  /** The z or t statistic; `null` when the standard error is zero or a sample is empty. */
  readonly statistic: number | null
  /** Degrees of freedom of a t statistic; `null` for z tests. */
  readonly degreesOfFreedom: number | null
  /** Two-sided p-value; `null` when the statistic is. */
  readonly pValue: number | null
  /** Interval of the difference. */
  readonly ci: ConfidenceInterval | null
}
