import { _accessorAndOptions } from '../core/_args.ts'
import { _documented } from '../core/_documented.ts'
import { _resolve } from '../core/_resolve.ts'
import { _DOCS } from '../core/_rules.ts'
import { _variant } from '../core/_variant.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { ExclusionCounts, KpiResult, Variant } from '../core/result.ts'
import { _SUBSCRIPTION_DOCS } from '../lifecycle/_subscription.ts'
import { _upper } from '../stats/_upper.ts'
import { _CALENDAR_DOCS } from '../time/_calendar.ts'
import {
  _dayBounds,
  _PERIOD_SELECTION_DOCS,
  _PERIOD_SELECTION_RULES,
  type _Periods,
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
  type _SubscriptionConfig,
  _subscriptionAggregator,
  _subscriptionConfig,
  type Subscription,
  type SubscriptionExclusion,
  type SubscriptionOptions,
  type SubscriptionState,
} from './_subscription.ts'
import { _eachChange, _eachLine, _Levels } from './_timeline.ts'

/**
 * The denominator of the churn rate (spec §4.2):
 * - `'start'`: customers at the start of the period (ChartMogul standard, Baremetrics, Recurly, a16z);
 * - `'start-plus-new'`: customers at the start plus new ones in the period (Stripe);
 * - `'average'`: the mean of the start and end counts (textbook);
 * - `'daily-sum'`: the sum over the days of the period of churned that day / customers at the start of
 *   that day (Shopify; ChartMogul's B2C method).
 * @category Lifecycle
 */
export type ChurnDenominator = 'start' | 'start-plus-new' | 'average' | 'daily-sum'

/**
 * Options of {@link churnRate}.
 * @category Lifecycle
 */
export interface ChurnRateOptions extends SubscriptionOptions, PeriodSelection {
  /**
   * The denominator.
   * @defaultValue 'start'
   */
  readonly denominator?: ChurnDenominator
  /**
   * Customers who joined and churned in the same period: left out of the numerator and reported in
   * `notCounted` (ChartMogul, the default), or counted (Stripe, Baremetrics since 2023).
   * @defaultValue 'exclude'
   */
  readonly joinedAndChurned?: 'exclude' | 'include'
  /**
   * Customers who churned and came back within the period: not churn (ChartMogul, the default), or one
   * churn per churn event (Stripe: a reactivated customer who churns again churns twice).
   * @defaultValue 'exclude'
   */
  readonly churnedAndReactivated?: 'exclude' | 'include'
  /**
   * What churns: customers (logo churn), or subscriptions (Recurly's "churned subscriptions"; cancelling
   * one of several subscriptions counts).
   * @defaultValue 'customer'
   */
  readonly entity?: 'customer' | 'subscription'
}

/**
 * The variant a churn rate was computed with.
 * @category Lifecycle
 */
export type ChurnVariant = Variant & {
  /** The denominator. */
  readonly denominator: ChurnDenominator
  /** The joined-and-churned policy. */
  readonly joinedAndChurned: 'exclude' | 'include'
  /** The churned-and-reactivated policy. */
  readonly churnedAndReactivated: 'exclude' | 'include'
  /** When churn is recognised. */
  readonly recognition: 'expiry' | 'cancellation'
  /** What churns. */
  readonly entity: 'customer' | 'subscription'
}

/**
 * The result of {@link churnRate} for one period.
 * @category Lifecycle
 */
export interface ChurnRateResult extends KpiResult<'churnRate', SubscriptionExclusion> {
  /** Always `'proportion'`: churn per period, 0…1; compare in points. */
  readonly measure: 'proportion'
  /** The period. */
  readonly period: PeriodInfo
  /** How it was computed. */
  readonly variant: ChurnVariant
  /** The numerator: churned customers (or churn events, or subscriptions) counted. */
  readonly churned: number
  /**
   * The customers at risk that the rate divides by, as `denominator` chose them (for `'daily-sum'`,
   * the mean number of customers at the start of a day).
   */
  readonly atRisk: number
  /** Active just before the period started. */
  readonly atStart: number
  /** Active at the period's end. */
  readonly atEnd: number
  /**
   * First paid in the period (every first arrival with `joinedAndChurned: 'include'`, else those still
   * active at its end). `atStart + new + reactivated − churned = atEnd` under every policy.
   */
  readonly new: number
  /** Came back in the period after an earlier churn (never new), counted as the policies say. */
  readonly reactivated: number
  /** Customers the policies left out of both an arrival count and `churned`. */
  readonly notCounted: {
    /** Joined (or came back) and churned again within the period (with `joinedAndChurned: 'exclude'`). */
    readonly joinedAndChurned: number
    /** Churned and came back within the period (with `churnedAndReactivated: 'exclude'`). */
    readonly churnedAndReactivated: number
  }
}

/**
 * What {@link churnRate} returns: one result for `period` or `trailingDays`, a series for `range`,
 * and the union of both when the options' type does not say (options read from a file).
 * @category Lifecycle
 */
export type ChurnRateOutput<O> = O extends {
  /** A range of periods: the result is a series. */
  readonly range: object
}
  ? PeriodSeries<ChurnRateResult, 'churnRate', SubscriptionExclusion>
  : 'range' extends keyof O
    ? ChurnRateResult | PeriodSeries<ChurnRateResult, 'churnRate', SubscriptionExclusion>
    : ChurnRateResult

const RULES = {
  ..._SUBSCRIPTION_RULES,
  ..._PERIOD_SELECTION_RULES,
  denominator: {
    type: 'enum',
    values: ['start', 'start-plus-new', 'average', 'daily-sum'],
    default: 'start',
  },
  joinedAndChurned: {
    type: 'enum',
    values: ['exclude', 'include'],
    default: 'exclude',
  },
  churnedAndReactivated: {
    type: 'enum',
    values: ['exclude', 'include'],
    default: 'exclude',
  },
  entity: {
    type: 'enum',
    values: ['customer', 'subscription'],
    default: 'customer',
  },
} as const

/** One line on each option, for the descriptor (kept apart from the rules, which bundles carry). */
const DOCS = {
  denominator:
    'Customers at the start, start plus new, the average of start and end, or ChartMogul’s daily sum.',
  joinedAndChurned: 'Whether a customer who joins and churns in the same period counts as churned.',
  churnedAndReactivated: 'Whether a customer who churns and returns in the same period counts as churned.',
  entity: 'What churns: customers (logos) or subscriptions.',
}

/**
 * What {@link churnRate} computes, as data: its input, options, unit, range and direction.
 * @category Lifecycle
 */
export const churnRateDescriptor: KpiDescriptor = {
  id: 'churnRate',
  title: 'Customer churn rate',
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
    better: 'lower',
    components: ['churned', 'atStart', 'atEnd', 'new', 'reactivated', 'atRisk'],
  },
  periodModel: 'select',
  compute: churnRate,
  aggregator: churnRateAggregator,
}

/**
 * The aggregator behind {@link churnRate}.
 * @category Lifecycle
 */
export function churnRateAggregator<const O extends ChurnRateOptions>(
  options: O,
): Aggregator<Subscription, SubscriptionState, ChurnRateOutput<O>>
export function churnRateAggregator<T, const O extends ChurnRateOptions>(
  accessor: Accessor<T, Subscription>,
  options: O,
): Aggregator<T, SubscriptionState, ChurnRateOutput<O>>
/* @__NO_SIDE_EFFECTS__ */
export function churnRateAggregator<T, const O extends ChurnRateOptions>(
  accessorOrOptions: Accessor<T, Subscription> | O,
  maybeOptions?: O,
): Aggregator<T, SubscriptionState, ChurnRateOutput<O>> {
  const fn = 'churnRate'
  const [accessor, options] = _accessorAndOptions<Accessor<T, Subscription>, O>(
    fn,
    accessorOrOptions,
    maybeOptions,
  )
  const plan = _churnRatePlan(options)
  return _subscriptionAggregator(fn, accessor, plan.config, (state) => {
    const { p, days, variant } = plan
    const t = plan.tally(state.n, state.excluded)
    const levelsOf = new _Levels(p.bounds)
    const daysOf = days === null ? null : new _Levels(days)
    const stopTimes: number[] = []
    _eachLine(state, variant.entity, (l) => {
      levelsOf.add(l)
      daysOf?.add(l)
      _eachChange(l, p.bounds, (k, c) => {
        const stops = _countChurn(t, variant, k, c.v0 > 0, c.first, c.v1 === 0, c.stops, c.restarts, 1)
        // The churn events that count are the last `stops` ones in the period.
        if (days !== null)
          for (let i = c.to, left = stops; i >= c.from && left > 0; i--)
            if (l.v[i] === 0 && (i === 0 || (l.v[i - 1] as number) > 0)) {
              stopTimes.push(l.t[i] as number)
              left--
            }
      })
    })
    t.atBound = levelsOf.finish().count
    if (days !== null && daysOf !== null) {
      t.dayActive = daysOf.finish().count
      const churnedOn = new Array<number>(days.length).fill(0)
      for (const at of stopTimes) {
        const d = _upper(days, at) - 1
        churnedOn[d] = (churnedOn[d] as number) + 1
      }
      t.churnedOn = churnedOn
    }
    return plan.result(t) as ChurnRateOutput<O>
  })
}

/**
 * What a churn rate is computed from, per period: in memory from the subscriptions' lines, in a
 * warehouse from its query's rows.
 */
export interface _ChurnTally {
  /** Subscriptions counted. */
  n: number
  /** Subscriptions left out, by reason. */
  excluded: ExclusionCounts<SubscriptionExclusion>
  /** Lines active just before each bound: the opening figures of each period (and the last closing ones). */
  atBound: number[]
  /** Per period: churn events counted, new, reactivated, and what each policy left out. */
  churned: number[]
  joined: number[]
  back: number[]
  notJoined: number[]
  notBack: number[]
  /** With the daily sum: lines active just before each day bound, and the churn events counted per day. */
  dayActive: number[] | null
  churnedOn: number[] | null
}

/** A churn rate's options, resolved: its periods (and days), its variant, and how a tally becomes its output. */
export interface _ChurnPlan {
  readonly config: _SubscriptionConfig
  readonly p: _Periods
  readonly days: number[] | null
  readonly variant: ChurnVariant
  /** An empty tally. */
  tally(n: number, excluded: ExclusionCounts<SubscriptionExclusion>): _ChurnTally
  /** The output of a tally. */
  result(t: _ChurnTally): ChurnRateOutput<ChurnRateOptions>
}

/** Reads a churn rate's options once, for the aggregator and for a warehouse query. */
export function _churnRatePlan(options: ChurnRateOptions | undefined): _ChurnPlan {
  const fn = 'churnRate'
  const o = _resolve(fn, RULES, options)
  const config = _subscriptionConfig(fn, options, false)
  const p = _selectPeriods(fn, options, config.asOf)
  const variant = _variant(RULES, o) as ChurnVariant
  const days = variant.denominator === 'daily-sum' ? _dayBounds(p) : null
  const m = p.periods.length
  const zeros = () => new Array<number>(m).fill(0)
  const tally = (n: number, excluded: ExclusionCounts<SubscriptionExclusion>): _ChurnTally => ({
    n,
    excluded,
    atBound: new Array<number>(m + 1).fill(0),
    churned: zeros(),
    joined: zeros(),
    back: zeros(),
    notJoined: zeros(),
    notBack: zeros(),
    dayActive: null,
    churnedOn: null,
  })
  const result = (t: _ChurnTally): ChurnRateOutput<ChurnRateOptions> => {
    const daily =
      days === null || t.dayActive === null || t.churnedOn === null
        ? null
        : _dailySum(t.dayActive, days, t.churnedOn, p.bounds)
    const excluded = { ...t.excluded }
    const results = p.periods.map((period, k): ChurnRateResult => {
      const atStart = t.atBound[k] as number
      const atEnd = t.atBound[k + 1] as number
      const isNew = t.joined[k] as number
      let denominator: number
      let value: number | null
      if (daily !== null) {
        denominator = daily.meanAtDayStart[k] as number
        // No customer at the start of any of its days: nothing could churn, so there is no rate.
        value = daily.days[k] === 0 || denominator === 0 ? null : (daily.sum[k] as number)
      } else {
        denominator =
          variant.denominator === 'start'
            ? atStart
            : variant.denominator === 'start-plus-new'
              ? atStart + isNew
              : (atStart + atEnd) / 2
        value = denominator > 0 ? (t.churned[k] as number) / denominator : null
      }
      return {
        kind: 'result',
        kpi: 'churnRate',
        value,
        reason: value === null ? _lifecycleReason(t, 'zero-denominator') : null,
        n: atStart + isNew + (t.back[k] as number),
        excluded,
        measure: 'proportion',
        period,
        variant,
        churned: t.churned[k] as number,
        atRisk: denominator,
        atStart,
        atEnd,
        new: isNew,
        reactivated: t.back[k] as number,
        notCounted: {
          joinedAndChurned: t.notJoined[k] as number,
          churnedAndReactivated: t.notBack[k] as number,
        },
      }
    })
    return _periodOutput('churnRate', p, results, excluded, variant) as ChurnRateOutput<ChurnRateOptions>
  }
  return { config, p, days, variant, tally, result }
}

/**
 * Counts `times` lines that changed alike in period `k` — active before it or not, first paid in it
 * or not, ended at its end or not, with so many stops and restarts in it — by the policies, keeping
 * atStart + new + reactivated − churned = atEnd: each policy drops matched arrival/stop pairs, never one
 * side alone. Returns the churn events counted per line (the last ones in the period).
 */
export function _countChurn(
  t: _ChurnTally,
  variant: ChurnVariant,
  k: number,
  active: boolean,
  first: boolean,
  ended: boolean,
  stopsIn: number,
  restarts: number,
  times: number,
): number {
  let joins = first ? 1 : 0
  let returns = restarts
  let stops = stopsIn
  if (variant.churnedAndReactivated === 'exclude') {
    // Churned and came back: each stop followed by an arrival in the period is not churn.
    const pairs = active ? returns : Math.max(0, joins + returns - 1)
    if (pairs > 0) t.notBack[k] = (t.notBack[k] as number) + times
    returns -= pairs
    stops -= pairs
  }
  if (variant.joinedAndChurned === 'exclude' && !active && ended && stops > 0) {
    // Joined (or came back) and churned again by the period's end: neither new nor churned.
    t.notJoined[k] = (t.notJoined[k] as number) + times
    if (joins > 0) joins--
    else returns--
    stops--
  }
  t.joined[k] = (t.joined[k] as number) + joins * times
  t.back[k] = (t.back[k] as number) + returns * times
  t.churned[k] = (t.churned[k] as number) + stops * times
  return stops
}

/** Shopify's daily sum: per period, the sum over its days of churned that day / active at the day's start. */
function _dailySum(
  active: readonly number[],
  days: readonly number[],
  churnedOn: readonly number[],
  bounds: readonly number[],
): { sum: number[]; meanAtDayStart: number[]; days: number[] } {
  const m = bounds.length - 1
  const sum = new Array<number>(m).fill(0)
  const total = new Array<number>(m).fill(0)
  const count = new Array<number>(m).fill(0)
  for (let d = 0; d + 1 < days.length; d++) {
    const k = _upper(bounds, days[d] as number) - 1
    const a = active[d] as number
    count[k] = (count[k] as number) + 1
    total[k] = (total[k] as number) + a
    if (a > 0) sum[k] = (sum[k] as number) + (churnedOn[d] as number) / a
  }
  return {
    sum,
    meanAtDayStart: total.map((x, k) => (count[k] === 0 ? 0 : x / (count[k] as number))),
    days: count,
  }
}

/**
 * Churn rate: the share of customers lost in a period — churned customers / customers at the start, by
 * default (ChartMogul's standard B2B definition), with every variant of the spec (§4.2–4.3, §17) as an
 * option: the denominator (start, start plus new, average, Shopify's daily sum), what to do with
 * customers who joined and churned or churned and came back within the period, churn at expiry or at
 * cancellation, past-due grace days, customers or subscriptions, calendar periods or a trailing window.
 *
 * A customer is active while any paid, non-trial subscription is; cancelling one of several is not churn.
 * "At the start" means active at the last instant before the period; a churn at an instant belongs to the
 * period containing it. Unit: a proportion per period (annualise with {@link annualize}); `null` when the
 * denominator is 0. The result names its variant and carries the numerator, the denominator and what each
 * policy left out.
 *
 * Sources: ChartMogul "Customer churn rate" (help.chartmogul.com/hc/en-us/articles/207340419); Stripe
 * (support.stripe.com/questions/calculating-subscriber-churn-rate-in-billing); Shopify Engineering,
 * "Defining Churn Rate".
 *
 * @example
 * ```ts
 * churnRate(subscriptions, { period: '2024-03', unit: 'month' }).value
 * churnRate(subscriptions, { range: { from: '2024-01-01T00:00Z', to: '2025-01-01T00:00Z' }, unit: 'month' })
 *   .periods.map((p) => p.result.value) // monthly churn
 * ```
 * @category Lifecycle
 */
export function churnRate<const O extends ChurnRateOptions>(
  subscriptions: Iterable<Subscription>,
  options: O,
): ChurnRateOutput<O>
export function churnRate<T, const O extends ChurnRateOptions>(
  subscriptions: Iterable<T>,
  accessor: Accessor<T, Subscription>,
  options: O,
): ChurnRateOutput<O>
export function churnRate<T, const O extends ChurnRateOptions>(
  subscriptions: Iterable<T>,
  accessorOrOptions: Accessor<T, Subscription> | O,
  options?: O,
): ChurnRateOutput<O> {
  return _foldAs(
    'churnRate',
    churnRateAggregator(accessorOrOptions as Accessor<T, Subscription>, options as O),
    subscriptions,
  )
}
