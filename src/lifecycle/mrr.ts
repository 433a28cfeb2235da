import { _accessorAndOptions } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _documented } from '../core/_documented.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { DateInput } from '../core/parseInstant.ts'
import type { KpiResult } from '../core/result.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import {
  _lifecycleReason,
  _major,
  _SUBSCRIPTION_FIELDS,
  _SUBSCRIPTION_RULES,
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionExclusion,
  type SubscriptionOptions,
  type SubscriptionState,
} from './_subscription.ts'

/**
 * Options of {@link mrr}.
 * @category Lifecycle
 */
export interface MrrOptions extends SubscriptionOptions {
  /** The instant of the snapshot; subscriptions with start ≤ at < end count. */
  readonly at: DateInput
}

/**
 * The result of {@link mrr}.
 * @category Lifecycle
 */
export interface MrrResult extends KpiResult<'mrr', SubscriptionExclusion> {
  /** Always `'level'`: compare as a relative change. */
  readonly measure: 'level'
  /** The instant (epoch ms). */
  readonly at: number
  /** The currency, or null when no subscription named one. */
  readonly currency: string | null
  /** Paying customers at the instant. */
  readonly customers: number
  /** Annual run rate: 12 × MRR. */
  readonly arr: number | null
}

const RULES = {
  ..._SUBSCRIPTION_RULES,
  at: { type: 'instant' },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  at: 'The instant of the snapshot.',
}

/**
 * What {@link mrr} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const mrrDescriptor: KpiDescriptor = {
  id: 'mrr',
  title: 'Monthly recurring revenue',
  category: 'revenue',
  input: { kind: 'subscription', fields: _SUBSCRIPTION_FIELDS },
  options: /* @__PURE__ */ _documented(RULES, _DOCS, _SUBSCRIPTION_DOCS, DOCS),
  result: {
    kind: 'result',
    unit: 'money',
    measure: 'level',
    bounds: [0, null],
    better: 'higher',
    components: ['customers', 'exact'],
  },
  periodModel: 'none',
  compute: mrr,
  aggregator: mrrAggregator,
}

/**
 * The aggregator behind {@link mrr}.
 * @category Lifecycle
 */
export function mrrAggregator(options: MrrOptions): Aggregator<Subscription, SubscriptionState, MrrResult>
export function mrrAggregator<T>(
  accessor: Accessor<T, Subscription>,
  options: MrrOptions,
): Aggregator<T, SubscriptionState, MrrResult>
/* @__NO_SIDE_EFFECTS__ */
export function mrrAggregator<T>(
  accessorOrOptions: Accessor<T, Subscription> | MrrOptions,
  maybeOptions?: MrrOptions,
): Aggregator<T, SubscriptionState, MrrResult> {
  const fn = 'mrr'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Subscription>, MrrOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  const variant = _variant(RULES, o)
  if (o.at === undefined) throw _typeError(fn, 'options.at', 'a date', undefined)
  const at = _instantArgument(fn, 'options.at', o.at)
  const config = _subscriptionConfig(fn, options, true)
  return _subscriptionAggregator(fn, accessor, config, (state) => {
    let total = 0
    let customers = 0
    let n = 0
    for (const spans of state.customers.values) {
      let paying = false
      for (const [start, end, value] of spans) {
        if (start <= at && (end === null || at < end)) {
          total += value
          paying = true
          n++
        }
      }
      if (paying) customers++
    }
    const value = n === 0 ? null : _major(total, config)
    return {
      kind: 'result',
      kpi: 'mrr',
      value,
      reason: value === null ? _lifecycleReason(state, 'no-data') : null,
      variant,
      n,
      excluded: { ...state.excluded },
      measure: 'level',
      at,
      currency: state.currency,
      customers,
      arr: value === null ? null : _major(total * 12, config),
    }
  })
}

/**
 * Monthly recurring revenue at an instant: the sum of the monthly-normalised value of the paid
 * subscriptions active then. An annual plan counts 1/12 of its price, a quarterly one 1/3, a weekly one
 * 52/12, an N-month one 1/N; each line is amount × quantity, less the recurring discounts the
 * `discounts` policy names (net of all recurring discounts by default; Stripe's rule, forever coupons
 * only, as `'forever'`). Trials and free plans are left out and counted. Amounts are summed exactly, in
 * units of 1/360 of a minor unit, and converted to major units once.
 *
 * Unit: currency per month (major units); `null` when nothing is active. One currency per computation:
 * a subscription in another one throws a `KpiError` naming both.
 *
 * Sources: Stripe, "Billing analytics glossary" (docs.stripe.com/billing/subscriptions/analytics/glossary);
 * ProfitWell vs Stripe (learn.profitwell.com/article/gf9qqkyplu-profitwell-vs-stripe); spec §5.1.
 *
 * @example
 * ```ts
 * mrr(subscriptions, { at: '2025-01-01T00:00:00Z' }).value
 * ```
 * @category Lifecycle
 */
export function mrr(subscriptions: Iterable<Subscription>, options: MrrOptions): MrrResult
export function mrr<T>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription>,
  options: MrrOptions,
): MrrResult
export function mrr<T>(
  subscriptions: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription> | MrrOptions,
  options?: MrrOptions,
): MrrResult {
  return _foldAs(
    'mrr',
    mrrAggregator(accessorOrOptions as Accessor<T, Subscription>, options as MrrOptions),
    subscriptions,
  )
}
