// The public types of cohortRetention's result and state, apart from it so that its table builder and
// its events aggregator read them without an import cycle.
import type { KeyedMap } from '../core/aggregator.ts'
import type { DateInput } from '../core/parseInstant.ts'
import type { Excluded, ExclusionCounts, Variant } from '../core/result.ts'
import type { PeriodUnit } from '../time/_calendar.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import type { SubscriptionExclusion, SubscriptionState } from './_subscription.ts'

/**
 * A product-usage event, for cohorts by first event.
 * @category Lifecycle
 */
export interface ActivityEvent {
  /** Who did it. */
  readonly customerId: string | number
  /** When. */
  readonly at: DateInput
  /** What (used with `events.start` and `events.return`). */
  readonly event?: string
}

/**
 * One cell of a cohort table.
 * @category Lifecycle
 */
export interface CohortCell {
  /** Retained share (of customers, or of the cohort's new MRR); `null` while the period is not over. */
  readonly value: number | null
  /** Retained customers, or retained MRR in major units; `null` while the period is not over. */
  readonly retained: number | null
  /** False while the cell's period (or bracket) is not over at `asOf`: immature, not 0. */
  readonly complete: boolean
  /** The customers behind it, with `members: true`, by customer id (UTF-16 code-unit order). */
  readonly members?: string[]
}

/**
 * One cohort of a cohort table.
 * @category Lifecycle
 */
export interface CohortRow {
  /** The cohort's period. */
  readonly period: PeriodInfo
  /** Customers in it. */
  readonly size: number
  /** What the cells divide by: the size, or the cohort's new-business MRR (major units). */
  readonly base: number
  /** The cells, column by column. */
  readonly cells: CohortCell[]
}

/**
 * A column's average over the cohorts that completed it.
 * @category Lifecycle
 */
export interface CohortAverage {
  /** The average, or `null` when no cohort completed the column. */
  readonly value: number | null
  /** Cohorts that count. */
  readonly cohorts: number
  /** Their total size (or base). */
  readonly size: number
}

/**
 * Why an input was left out of a cohort table: the subscription reasons, and for events `otherEvent`
 * (neither the start nor the return event).
 * @category Lifecycle
 */
export type CohortExclusion = SubscriptionExclusion | 'otherEvent'

/**
 * The result of {@link cohortRetention}.
 * @category Lifecycle
 */
export interface CohortRetentionResult {
  /** Always `'table'`: one row per cohort, one column per period since it. */
  readonly kind: 'table'
  /** The resolved options that change the numbers. */
  readonly variant: Variant
  /** Always `'cohortRetention'`. */
  readonly kpi: 'cohortRetention'
  /** The grain. */
  readonly unit: PeriodUnit
  /** The time zone. */
  readonly timeZone: string
  /** Customers or MRR. */
  readonly basis: 'logo' | 'revenue'
  /** The criterion. */
  readonly criterion: 'n-period' | 'unbounded' | 'bracket'
  /** First-time or recurring cohorts. */
  readonly cohorting: 'first' | 'recurring'
  /** Column labels: `'0'`, `'1'`… periods since the cohort's, or `'2–4'` for brackets. */
  readonly columns: string[]
  /** The cohorts in time order. */
  readonly cohorts: CohortRow[]
  /** Column averages. */
  readonly average: CohortAverage[]
  /** How columns are averaged. */
  readonly averageMethod: 'weighted' | 'mean'
  /** Inputs left out, by reason. */
  readonly excluded: Excluded<CohortExclusion>
}

/**
 * The state of {@link cohortRetentionAggregator}: paid spans by customer (subscriptions), or the starts of
 * the periods in which each customer started and returned (events) — proportional to customers and
 * periods, not to events.
 * @category Lifecycle
 */
export interface CohortRetentionState extends SubscriptionState {
  /**
   * For events: per customer (`values[i]` for customer `keys[i]`), [periods with a start event, periods
   * with a return event] (period starts, ms).
   */
  activity: KeyedMap<[number[], number[]]>
  /** Inputs left out, by reason. */
  excluded: ExclusionCounts<CohortExclusion>
}
