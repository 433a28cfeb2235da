// The shapes of results over periods, shared by byPeriod, rolling and the KPIs that select periods.
import type { Excluded, Variant } from '../core/result.ts'
import type { PeriodUnit } from './_calendar.ts'

/**
 * A period of a windowed result.
 * @category Time
 */
export interface PeriodInfo {
  /** The period's key, e.g. `'2024-03'`. */
  readonly key: string
  /** First instant (epoch ms). */
  readonly start: number
  /** First instant after the period (epoch ms). */
  readonly end: number
  /** False when the period is not over at `asOf`, or only partly inside the range. */
  readonly complete: boolean
}

/**
 * One period's result.
 * @category Time
 */
export interface PeriodResult<Out> {
  /** The period. */
  readonly period: PeriodInfo
  /** The inner aggregator's result over the period's items. */
  readonly result: Out
}

/**
 * A KPI over several periods, in time order: what {@link byPeriod} returns, and what the KPIs that
 * select periods themselves (churn, MRR movements, CAC…) return for a `range`. {@link comparePeriods}
 * and display take either.
 * @category Time
 */
export interface PeriodSeries<Out, Kpi extends string = string, Reason extends string = never> {
  /** Always `'series'`: one result per period. */
  readonly kind: 'series'
  /** The KPI's id (`'byPeriod'` for {@link byPeriod}'s). */
  readonly kpi: Kpi
  /** The resolved options that change the numbers (for {@link byPeriod}, its calendar). */
  readonly variant: Variant
  /** The kind of period. */
  readonly unit: PeriodUnit
  /** The time zone of the periods. */
  readonly timeZone: string
  /** One result per period. */
  readonly periods: PeriodResult<Out>[]
  /** Input records left out, by reason. */
  readonly excluded: Excluded<Reason>
}
