/**
 * A confidence interval, in the same unit and scale as the value it belongs to.
 * @category Core
 */
export interface ConfidenceInterval {
  /** Lower bound. */
  readonly lower: number
  /** Upper bound. */
  readonly upper: number
  /** Confidence level, e.g. 0.95. */
  readonly level: number
  /** How it was computed, e.g. `'wilson'`, `'adjusted-wald'`. */
  readonly method: string
}

/**
 * Counts of observations left out of a KPI, by reason. `missing` (null, undefined or absent) and
 * `invalid` (present but unusable) are always there; KPIs add their own reasons.
 * @category Core
 */
export type Excluded<Reason extends string = never> = {
  readonly [K in 'missing' | 'invalid' | Reason]: number
}

/**
 * The exclusion counts an aggregator's state keeps while it runs (mutable, unlike {@link Excluded}).
 * @category Core
 */
export type ExclusionCounts<Reason extends string = never> = { [K in 'missing' | 'invalid' | Reason]: number }

/**
 * The fields every KPI result has.
 *
 * `value` is `null` when there is nothing to measure (no observations, or a zero denominator) — never
 * `NaN`, `Infinity` or `0` in place of "no data".
 * @category Core
 */
export interface KpiResult<Kpi extends string = string, Reason extends string = never> {
  /** The KPI's id. */
  readonly kpi: Kpi
  /** The number, or `null` when there is nothing to measure. */
  readonly value: number | null
  /** How many observations contributed. */
  readonly n: number
  /** How many observations were left out, by reason. */
  readonly excluded: Excluded<Reason>
}

/**
 * What to do with an invalid observation: count it under its reason in `excluded` (the default) or
 * throw a `KpiError` with code `'invalid-observation'`.
 * @category Core
 */
export type OnInvalid = 'exclude' | 'throw'

/**
 * A score or an amount as data sources deliver it: a number, or a canonical decimal string (`'9'`,
 * `'9.5'`, `'-3'`) as a CSV export gives it. Any other string is invalid and counted, never guessed.
 * @category Core
 */
export type NumericInput = number | string

/**
 * A survey answer: a score, or `null`/`undefined` when the question was not answered.
 * @category Core
 */
export type ScoreInput = NumericInput | null | undefined
