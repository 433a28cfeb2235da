import { _oneOf, _options } from '../core/_assert.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import { fold } from '../core/fold.ts'
import type { KpiResult } from '../core/result.ts'
import {
  _periodOutput,
  _selectPeriods,
  type PeriodSelection,
  type PeriodSeries,
} from '../time/_periodSelection.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import {
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionExclusion,
  type SubscriptionOptions,
  type SubscriptionState,
} from './_subscription.ts'
import { _eachChange, _eachLine, _Levels } from './_timeline.ts'

/**
 * Options of {@link retentionRate}.
 * @category Lifecycle
 */
export interface RetentionRateOptions extends SubscriptionOptions, PeriodSelection {
  /**
   * What is retained: customers, or subscriptions.
   * @defaultValue 'customer'
   */
  readonly entity?: 'customer' | 'subscription'
}

/**
 * The result of {@link retentionRate} for one period.
 * @category Lifecycle
 */
export interface RetentionRateResult extends KpiResult<'retentionRate', SubscriptionExclusion> {
  /** Always `'proportion'`. */
  readonly scale: 'proportion'
  /** The period. */
  readonly period: PeriodInfo
  /** S: active just before the period. */
  readonly atStart: number
  /** E: active at its end. */
  readonly atEnd: number
  /** N: first paid in the period. */
  readonly new: number
  /** Came back in the period after an earlier churn (they raise E; they are not new). */
  readonly reactivated: number
}

/**
 * What {@link retentionRate} returns: one result for `period` or `trailingDays`, a series for `range`.
 * @category Lifecycle
 */
export type RetentionRateOutput<O> = O extends {
  /** A range of periods: the result is a series. */
  readonly range: object
}
  ? PeriodSeries<RetentionRateResult, 'retentionRate', SubscriptionExclusion>
  : RetentionRateResult

/**
 * The aggregator behind {@link retentionRate}.
 * @category Lifecycle
 */
/* @__NO_SIDE_EFFECTS__ */
export function retentionRateAggregator<
  T = Subscription,
  const O extends RetentionRateOptions = RetentionRateOptions,
>(
  accessor: Accessor<T, Subscription> | undefined,
  options: O,
): Aggregator<T, SubscriptionState, RetentionRateOutput<O>> {
  const fn = 'retentionRate'
  const o = _options(fn, options)
  const config = _subscriptionConfig(fn, options, false)
  const p = _selectPeriods(fn, options, config.asOf)
  const entity =
    o.entity === undefined ? 'customer' : _oneOf(fn, 'options.entity', o.entity, ['customer', 'subscription'])
  return _subscriptionAggregator(fn, accessor, config, (state) => {
    const m = p.periods.length
    const levelsOf = new _Levels(p.bounds)
    const joined = new Array<number>(m).fill(0)
    const back = new Array<number>(m).fill(0)
    _eachLine(state, entity, (l) => {
      levelsOf.add(l)
      _eachChange(l, p.bounds, (k, c) => {
        if (c.first) joined[k] = (joined[k] as number) + 1
        if (c.restarts > 0) back[k] = (back[k] as number) + 1
      })
    })
    const levels = levelsOf.finish()
    const excluded = { ...state.excluded }
    const results = p.periods.map((period, k): RetentionRateResult => {
      const atStart = levels.count[k] as number
      const atEnd = levels.count[k + 1] as number
      const isNew = joined[k] as number
      return {
        kpi: 'retentionRate',
        value: atStart > 0 ? (atEnd - isNew) / atStart : null,
        n: atStart,
        excluded,
        scale: 'proportion',
        period,
        atStart,
        atEnd,
        new: isNew,
        reactivated: back[k] as number,
      }
    })
    return _periodOutput('retentionRate', p, results, excluded) as RetentionRateOutput<O>
  })
}

/**
 * Customer retention rate, CRR = (E − N) / S: customers at the end of the period, less the new ones, over
 * customers at the start. It is its own KPI, not 1 − churn: customers who join and leave within the period
 * lower it, and reactivated customers raise it (spec §4.2, §17 #21).
 *
 * Unit: a proportion per period; `null` when S is 0. Periods, subscriptions and policies as in
 * {@link churnRate}.
 *
 * Sources: cloudblue.com/glossary/gross-retention; spec §4.7 E6–E7.
 *
 * @example
 * ```ts
 * retentionRate(subscriptions, undefined, { period: '2024-Q1', unit: 'quarter' }).value
 * ```
 * @category Lifecycle
 */
export function retentionRate<T = Subscription, const O extends RetentionRateOptions = RetentionRateOptions>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription> | undefined,
  options: O,
): RetentionRateOutput<O> {
  return fold(retentionRateAggregator(accessor, options), subscriptions)
}
