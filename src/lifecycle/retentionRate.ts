import { _accessorAndOptions } from '../core/_args.ts'
import { _documented } from '../core/_documented.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { KpiResult } from '../core/result.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import { _CALENDAR_DOCS } from '../time/_calendar.ts'
import {
  _PERIOD_SELECTION_DOCS,
  _PERIOD_SELECTION_RULES,
  _periodOutput,
  _selectPeriods,
  type PeriodSelection,
} from '../time/_periodSelection.ts'
import type { PeriodSeries } from '../time/_series.ts'
import type { PeriodInfo } from '../time/byPeriod.ts'
import {
  _lifecycleReason,
  _SUBSCRIPTION_FIELDS,
  _SUBSCRIPTION_RULES,
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
  readonly measure: 'proportion'
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
 * What {@link retentionRate} returns: one result for `period` or `trailingDays`, a series for `range`,
 * and the union of both when the options' type does not say (options read from a file).
 * @category Lifecycle
 */
export type RetentionRateOutput<O> = O extends {
  /** A range of periods: the result is a series. */
  readonly range: object
}
  ? PeriodSeries<RetentionRateResult, 'retentionRate', SubscriptionExclusion>
  : 'range' extends keyof O
    ? RetentionRateResult | PeriodSeries<RetentionRateResult, 'retentionRate', SubscriptionExclusion>
    : RetentionRateResult

const RULES = {
  ..._SUBSCRIPTION_RULES,
  ..._PERIOD_SELECTION_RULES,
  entity: {
    type: 'enum',
    values: ['customer', 'subscription'],
    default: 'customer',
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  entity: 'What is retained: customers (logos) or subscriptions.',
}

/**
 * What {@link retentionRate} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const retentionRateDescriptor: KpiDescriptor = {
  id: 'retentionRate',
  title: 'Customer retention rate',
  category: 'lifecycle',
  input: { kind: 'subscription', fields: _SUBSCRIPTION_FIELDS },
  options: /* @__PURE__ */ _documented(
    RULES,
    _DOCS,
    _SUBSCRIPTION_DOCS,
    _CALENDAR_DOCS,
    _PERIOD_SELECTION_DOCS,
    DOCS,
  ),
  result: {
    kind: 'result-or-series',
    unit: 'proportion',
    measure: 'proportion',
    bounds: [0, 1],
    better: 'higher',
    components: ['atStart', 'atEnd', 'new'],
  },
  periodModel: 'select',
  compute: retentionRate,
  aggregator: retentionRateAggregator,
}

/**
 * The aggregator behind {@link retentionRate}.
 * @category Lifecycle
 */
export function retentionRateAggregator<const O extends RetentionRateOptions>(
  options: O,
): Aggregator<Subscription, SubscriptionState, RetentionRateOutput<O>>
export function retentionRateAggregator<T, const O extends RetentionRateOptions>(
  accessor: Accessor<T, Subscription>,
  options: O,
): Aggregator<T, SubscriptionState, RetentionRateOutput<O>>
/* @__NO_SIDE_EFFECTS__ */
export function retentionRateAggregator<T, const O extends RetentionRateOptions>(
  accessorOrOptions: Accessor<T, Subscription> | O,
  maybeOptions?: O,
): Aggregator<T, SubscriptionState, RetentionRateOutput<O>> {
  const fn = 'retentionRate'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Subscription>, O>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  const config = _subscriptionConfig(fn, options, false)
  const p = _selectPeriods(fn, options, config.asOf)
  const entity = o.entity
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
        kind: 'result',
        kpi: 'retentionRate',
        value: atStart > 0 ? (atEnd - isNew) / atStart : null,
        reason: atStart > 0 ? null : _lifecycleReason(state, 'zero-denominator'),
        variant,
        n: atStart,
        excluded,
        measure: 'proportion',
        period,
        atStart,
        atEnd,
        new: isNew,
        reactivated: back[k] as number,
      }
    })
    return _periodOutput('retentionRate', p, results, excluded, variant) as RetentionRateOutput<O>
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
 * retentionRate(subscriptions, { period: '2024-Q1', unit: 'quarter' }).value
 * ```
 * @category Lifecycle
 */
export function retentionRate<const O extends RetentionRateOptions>(
  subscriptions: Iterable<Subscription>,
  options: O,
): RetentionRateOutput<O>
export function retentionRate<T, const O extends RetentionRateOptions>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription>,
  options: O,
): RetentionRateOutput<O>
export function retentionRate<T, const O extends RetentionRateOptions>(
  subscriptions: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription> | O,
  options?: O,
): RetentionRateOutput<O> {
  return _foldAs(
    'retentionRate',
    retentionRateAggregator(accessorOrOptions as Accessor<T, Subscription>, options as O),
    subscriptions,
  )
}
