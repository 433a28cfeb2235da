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
 * What a result is, so that generic code (display, diff, health) can walk any result without knowing
 * the KPI: one number (`'result'`), one per period (`'series'`), one per key (`'segments'`), one per
 * trailing window (`'windows'`), several KPIs over the same items (`'combined'`), rows and columns
 * (`'table'`: cohorts, RFM), a curve (`'figure'`: survival), a health portfolio (`'health'`:
 * one composed score per account, with what is behind it), or a history of snapshots per account and
 * period (`'trend'`: health over time), or the themes of open comments (`'themes'`).
 * @category Core
 */
export type ResultKind =
  | 'result'
  | 'series'
  | 'segments'
  | 'windows'
  | 'combined'
  | 'table'
  | 'figure'
  | 'health'
  | 'trend'
  | 'themes'

/**
 * Why a result's `value` is `null` — one vocabulary for every KPI:
 * - `'no-data'`: there were no observations at all;
 * - `'all-excluded'`: there were observations, and every one was left out (see `excluded`) — often a
 *   mapping mistake (a wrong accessor, scores on another scale, timestamps without an offset);
 * - `'zero-denominator'`: observations, but the denominator is 0 (no customers at the start, no
 *   revenue at the start, a zero previous value);
 * - `'low-sample'`: fewer observations than `minN`;
 * - `'not-reached'`: the quantity is not reached in the data (a survival curve that never falls to
 *   one half has no median).
 * @category Core
 */
export type NullReason = 'no-data' | 'all-excluded' | 'zero-denominator' | 'low-sample' | 'not-reached'

/**
 * One resolved option as a result echoes it: plain JSON.
 * @category Core
 */
export type VariantValue =
  | string
  | number
  | boolean
  | null
  | readonly VariantValue[]
  | { readonly [key: string]: VariantValue }

/**
 * The resolved options that change a KPI's number, by option name, as JSON. Two results with
 * different variants measure different things and are not compared.
 * @category Core
 */
export type Variant = { readonly [option: string]: VariantValue }

/**
 * The fields every KPI result has. `Reason` names the KPI's own exclusion reasons, `Why` its own
 * reasons for a null value beside the shared {@link NullReason}s.
 *
 * `value` is `null` when there is nothing to measure (no observations, or a zero denominator) — never
 * `NaN`, `Infinity` or `0` in place of "no data".
 * @category Core
 */
export interface KpiResult<
  Kpi extends string = string,
  Reason extends string = never,
  Why extends string = never,
> {
  /** Always `'result'`: one number (see {@link ResultKind} for the other shapes). */
  readonly kind: 'result'
  /** The KPI's id. */
  readonly kpi: Kpi
  /** The number, or `null` when there is nothing to measure (`reason` says why). */
  readonly value: number | null
  /** Why `value` is `null`; `null` when there is a value. */
  readonly reason: NullReason | Why | null
  /** The resolved options that change the number (functions as `'custom'`, dates as ISO strings). */
  readonly variant: Variant
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
