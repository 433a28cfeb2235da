import { _accessorAndOptions } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _instantArgument } from '../core/_instant.ts'
import { _compareIds } from '../core/_order.ts'
import { _resolve } from '../core/_resolve.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import { _foldAs } from '../core/fold.ts'
import type { DateInput } from '../core/parseInstant.ts'
import {
  _SUBSCRIPTION_RULES,
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionOptions,
  type SubscriptionState,
} from './_subscription.ts'
import { _eachLine } from './_timeline.ts'
import type { SurvivalObservation } from './survival.ts'

/**
 * Options of {@link customerLifetimes}.
 * @category Lifecycle
 */
export interface CustomerLifetimesOptions extends SubscriptionOptions {
  /** "Now": customers still active then are censored at it (required). */
  readonly asOf: DateInput
  /**
   * The unit of the lifetimes: days, weeks, months of 30.4375 days, or years of 365.25 days.
   * @defaultValue 'month'
   */
  readonly durationUnit?: 'day' | 'week' | 'month' | 'year'
  /**
   * Start of observation: customers who joined before it enter the risk set at it (delayed entry), and
   * customers who had already churned by then are left out.
   */
  readonly observedFrom?: DateInput
}

/**
 * A customer's lifetime, ready for {@link survival}.
 * @category Lifecycle
 */
export interface CustomerLifetime extends SurvivalObservation {
  /** The customer. */
  readonly customerId: string
  /** First paid instant (epoch ms). */
  readonly since: number
}

const UNIT_MS = { day: 86_400_000, week: 604_800_000, month: 2_629_800_000, year: 31_557_600_000 } as const

const RULES = {
  ..._SUBSCRIPTION_RULES,
  durationUnit: {
    type: 'enum',
    values: ['day', 'week', 'month', 'year'],
    default: 'month',
  },
  observedFrom: { type: 'instant' },
} as const

/**
 * The aggregator behind {@link customerLifetimes}.
 * @category Lifecycle
 */
export function customerLifetimesAggregator(
  options: CustomerLifetimesOptions,
): Aggregator<Subscription, SubscriptionState, CustomerLifetime[]>
export function customerLifetimesAggregator<T>(
  accessor: Accessor<T, Subscription>,
  options: CustomerLifetimesOptions,
): Aggregator<T, SubscriptionState, CustomerLifetime[]>
/* @__NO_SIDE_EFFECTS__ */
export function customerLifetimesAggregator<T>(
  accessorOrOptions: Accessor<T, Subscription> | CustomerLifetimesOptions,
  maybeOptions?: CustomerLifetimesOptions,
): Aggregator<T, SubscriptionState, CustomerLifetime[]> {
  const fn = 'customerLifetimes'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Subscription>, CustomerLifetimesOptions>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const o = _resolve(fn, RULES, options)
  if (o.asOf === undefined)
    throw _typeError(fn, 'options.asOf', 'a date (active customers are censored at it)', undefined)
  const config = _subscriptionConfig(fn, options, false)
  const asOf = config.asOf
  const unitMs = UNIT_MS[o.durationUnit]
  const from =
    o.observedFrom === undefined ? null : _instantArgument(fn, 'options.observedFrom', o.observedFrom)
  return _subscriptionAggregator(fn, accessor, config, (state) => {
    const out: CustomerLifetime[] = []
    _eachLine(state, 'customer', (l, customerId) => {
      const since = l.t[0] as number
      // The first spell ends at the first return to zero.
      const stop = l.v.indexOf(0)
      const end = stop < 0 ? null : (l.t[stop] as number)
      if (from !== null && end !== null && end <= from) return
      const time = ((end ?? asOf) - since) / unitMs
      const base = { customerId, since, time, event: end !== null }
      out.push(from !== null && since < from ? { ...base, entry: (from - since) / unitMs } : base)
    })
    return out.sort((a, b) => _compareIds(a.customerId, b.customerId))
  })
}

/**
 * Each customer's lifetime from subscriptions, as observations for {@link survival}: the time from the
 * first paid instant to the end of the first paid spell (churn, `event: true`), or to `asOf` for customers
 * still active (censored, `event: false`). With `observedFrom`, customers who joined earlier enter at it
 * (left truncation), so a Kaplan–Meier curve over a recent window stays unbiased.
 *
 * Unit: `durationUnit` (months of 30.4375 days by default). Policies (recognition, grace, trials) as in
 * {@link churnRate}. Sorted by customer id.
 *
 * @example
 * ```ts
 * survival(customerLifetimes(subscriptions, { asOf: '2026-01-01T00:00:00Z' })).median
 * ```
 * @category Lifecycle
 */
export function customerLifetimes(
  subscriptions: Iterable<Subscription>,
  options: CustomerLifetimesOptions,
): CustomerLifetime[]
export function customerLifetimes<T>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription>,
  options: CustomerLifetimesOptions,
): CustomerLifetime[]
export function customerLifetimes<T>(
  subscriptions: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription> | CustomerLifetimesOptions,
  options?: CustomerLifetimesOptions,
): CustomerLifetime[] {
  return _foldAs(
    'customerLifetimes',
    customerLifetimesAggregator(
      accessorOrOptions as Accessor<T, Subscription>,
      options as CustomerLifetimesOptions,
    ),
    subscriptions,
  )
}
