import { _numeric } from '../core/_numeric.ts'
import type { Aggregator } from '../core/aggregator.ts'
import type { NullReason, OnInvalid } from '../core/result.ts'

/**
 * Options every survey KPI shares.
 * @category Survey
 */
export interface SurveyOptions {
  /**
   * Confidence level of the interval.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * Below this many observations `value` (and `ci`) is `null` and `lowSample` is true. 0 turns it off.
   * @defaultValue 0
   */
  readonly minN?: number
  /**
   * What to do with an invalid observation: count it in `excluded` or throw a `KpiError`.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * Why a survey response was left out: `missing` (unanswered: `null` or `undefined`), `invalid` (not a
 * number, NaN), `offScale` (outside the scale), `nonInteger` (a fraction on a scale of whole
 * points). {@link accountLevel} adds its own reasons ({@link AccountLevelExclusion}) to its results.
 * @category Survey
 */
export type SurveyExclusion = 'offScale' | 'nonInteger'

/**
 * A rating scale of whole points, `{ min, max }`.
 * @category Survey
 */
export interface RatingScale {
  /** Lowest rating. */
  readonly min: number
  /** Highest rating. */
  readonly max: number
}

/**
 * What every survey KPI result has that {@link accountLevel} adds to.
 * @category Survey
 */
export interface SurveyResult {
  /** The score, or `null`. */
  readonly value: number | null
  /** Responses counted. */
  readonly n: number
  /** Why `value` is `null`. */
  readonly reason: NullReason | null
  /** Responses left out, by reason. */
  readonly excluded: Readonly<Record<string, number>>
}

/**
 * A survey KPI's aggregator: besides the aggregator protocol, it can say whether a response holds a
 * valid score, and count a score directly — which is what {@link accountLevel} needs.
 * @category Survey
 */
export interface SurveyAggregator<T, State, Result> extends Aggregator<T, State, Result> {
  /** The response's score on the KPI's scale, or the reason it would be left out. */
  score(item: T, index: number): number | 'missing' | 'invalid' | 'offScale' | 'nonInteger'
  /** Counts a valid score (an account's mean score may fall between whole points). */
  tally(state: State, score: number): State
}

/** A fresh exclusion record of a survey KPI. */
export function _surveyExcluded(): Record<'missing' | 'invalid' | SurveyExclusion, number> {
  return {
    missing: 0,
    invalid: 0,
    offScale: 0,
    nonInteger: 0,
  }
}

/**
 * Reads a score: the number when it is within [min, max] (and whole, when `whole`), else the reason it
 * is left out.
 */
export function _score(
  raw: unknown,
  min: number,
  max: number,
  whole: boolean,
): number | 'missing' | 'invalid' | 'offScale' | 'nonInteger' {
  if (raw === null || raw === undefined) return 'missing'
  const x = _numeric(raw)
  if (x === null) return 'invalid'
  if (x < min || x > max) return 'offScale'
  return whole && !Number.isInteger(x) ? 'nonInteger' : x
}
