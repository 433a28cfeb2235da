import { _accessor, _integer, _number, _oneOf, _options, _typeError } from '../core/_assert.ts'
import { _copy } from '../core/_copy.ts'
import type { _Docs } from '../core/_documented.ts'
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _instantArgument } from '../core/_instant.ts'
import { type _Finder, _finder, _keyed } from '../core/_keyed.ts'
import { _numeric } from '../core/_numeric.ts'
import type { _Check } from '../core/_resolve.ts'
import { _AS_OF, type _Defaulted, _DISAMBIGUATION, _INPUT_TIME_ZONE, _ON_INVALID } from '../core/_rules.ts'
import { _emptyReason } from '../core/_variant.ts'
import type { Accessor, Aggregator, KeyedMap } from '../core/aggregator.ts'
import type { InputField } from '../core/descriptor.ts'
import { KpiError } from '../core/KpiError.ts'
import { _instantReader, type DateInput, type ParseInstantOptions } from '../core/parseInstant.ts'
import type { ExclusionCounts, NullReason, NumericInput, OnInvalid } from '../core/result.ts'

/**
 * How often a subscription is billed: a calendar unit, or a number of months (`6` for half-yearly).
 * @category Lifecycle
 */
export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year' | number

/**
 * A recurring discount on a subscription (Stripe's coupon shape). `percentOff` is 0–100; `amountOff`
 * is in major units per billing interval. `duration` says whether it is `'forever'`, `'repeating'`
 * (for some intervals) or `'once'` (one invoice, never part of MRR).
 * @category Lifecycle
 */
export interface Discount {
  /** Percentage off, 0–100. */
  readonly percentOff?: number
  /** Amount off per billing interval, in major units (a number or a decimal string). */
  readonly amountOff?: NumericInput
  /**
   * How long the discount lasts.
   * @defaultValue 'forever'
   */
  readonly duration?: 'forever' | 'repeating' | 'once'
}

/**
 * A subscription, as billing systems export it. A customer is active while any of their paid,
 * non-trial subscriptions is active; model a plan change as one record ending where the next begins.
 * @category Lifecycle
 */
export interface Subscription {
  /** The customer; a customer with several subscriptions churns only when the last one ends. */
  readonly customerId: string | number
  /** The subscription (renewals may share it); needed for `entity: 'subscription'`. */
  readonly subscriptionId?: string | number
  /** When paid service began (for a converted trial: when the trial converted). */
  readonly start: DateInput
  /** When paid service ends or ended — the end of the last paid period; `null` or absent while active. */
  readonly end?: DateInput | null
  /** When the customer asked to cancel (used with `recognition: 'cancellation'`). */
  readonly cancelledAt?: DateInput | null
  /** Since when the subscription is past due (used with `graceDays`). */
  readonly pastDueSince?: DateInput | null
  /** Price per billing interval per unit, in major units (`49.99` or `'49.99'`). */
  readonly amount?: NumericInput
  /** The billing interval of `amount`. */
  readonly billingInterval?: BillingInterval
  /**
   * Seats or units.
   * @defaultValue 1
   */
  readonly quantity?: number
  /** A recurring discount. */
  readonly discount?: Discount | null
  /** A trial: never a customer, never MRR. */
  readonly trial?: boolean
  /** ISO 4217 code, e.g. `'USD'`; one currency per computation. */
  readonly currency?: string
  /** A monthly recurring revenue already normalised (major units), instead of amount and interval. */
  readonly mrr?: NumericInput
}

/**
 * Options every subscription-based lifecycle KPI takes.
 * @category Lifecycle
 */
export interface SubscriptionOptions extends ParseInstantOptions {
  /**
   * When a customer who cancels stops counting: at the end of the paid period (`'expiry'`, ChartMogul,
   * ProfitWell, Recurly) or when they cancel (`'cancellation'`, Stripe).
   * @defaultValue 'expiry'
   */
  readonly recognition?: 'expiry' | 'cancellation'
  /**
   * A subscription past due for more than this many days counts as ended after them (Baremetrics uses 30).
   * Without it, past-due subscriptions stay active (Stripe).
   */
  readonly graceDays?: number
  /**
   * Which discounts reduce MRR: all recurring ones (`'recurring'`: forever and repeating; ProfitWell), only
   * forever ones (`'forever'`; Stripe) or none (`'none'`). One-off discounts never do.
   * @defaultValue 'recurring'
   */
  readonly discounts?: 'recurring' | 'forever' | 'none'
  /** The currency expected; a subscription in another one is an error. By default the first one seen. */
  readonly currency?: string
  /**
   * Digits of the currency's minor unit (2 for USD and EUR, 0 for JPY). Amounts must be whole minor units.
   * @defaultValue 2
   */
  readonly minorUnits?: number
  /** "Now": later starts are left out (`pending`: not known yet at `asOf`), later ends and cancellations have not happened yet. */
  readonly asOf?: DateInput
  /**
   * What to do with an invalid subscription.
   * @defaultValue 'exclude'
   */
  readonly onInvalid?: OnInvalid
}

/**
 * Why a subscription was left out: besides `missing` and `invalid`, `trial`, `free` (a zero amount) and
 * `pending` (it starts after `asOf`: not known yet).
 * @category Lifecycle
 */
export type SubscriptionExclusion = 'trial' | 'free' | 'pending'

/**
 * A paid span in a subscription state: [start (epoch ms), end or null while active, monthly value in
 * units of 1/360 of a minor unit, subscription id or null].
 * @category Lifecycle
 */
export type SubscriptionSpan = [number, number | null, number, string | number | null]

/**
 * The state of every subscription-based lifecycle aggregator: paid spans by customer.
 * @category Lifecycle
 */
export interface SubscriptionState {
  /** The currency of the amounts seen, or null. */
  currency: string | null
  /**
   * Paid spans by customer — `values[i]` are the spans of customer `keys[i]` — each [start, end or null,
   * monthly value × 360 in minor units, subscription id or null]. Two arrays rather than an object, so
   * that a state holds tens of millions of customers.
   */
  customers: KeyedMap<SubscriptionSpan[]>
  /** Subscriptions counted. */
  n: number
  /** Subscriptions left out, by reason. */
  excluded: ExclusionCounts<SubscriptionExclusion>
}

/** The validated common options. */
export interface _SubscriptionConfig {
  readonly money: boolean
  readonly recognition: 'expiry' | 'cancellation'
  readonly graceMs: number | null
  readonly discounts: 'recurring' | 'forever' | 'none'
  readonly currency: string | null
  readonly minor: number
  readonly asOf: number
  readonly onInvalid: OnInvalid
  /** Reads a data timestamp, in `inputTimeZone` when the options give one. */
  readonly instant: (input: unknown) => number | null
}

const DAY = 86_400_000

/**
 * Monthly values are integers in units of 1/360 of a minor unit, so every interval that divides 360
 * months (and weeks, at 52 a year, and days, at 365) normalises without rounding; sums are exact.
 */
export const _SCALE = 360

/** Months of each named billing interval, in 360ths. */
export const _PER_MONTH: Readonly<Record<string, number>> = {
  day: 10_950,
  week: 1_560,
  month: 360,
  quarter: 120,
  year: 30,
}

/** The option rules of {@link SubscriptionOptions}. */
export const _SUBSCRIPTION_RULES: {
  readonly recognition: _Defaulted<'expiry' | 'cancellation'>
  readonly graceDays: _Check
  readonly discounts: _Defaulted<'recurring' | 'forever' | 'none'>
  readonly currency: _Check
  readonly minorUnits: _Defaulted<number>
  readonly asOf: _Check
  readonly inputTimeZone: _Check
  readonly disambiguation: _Defaulted<'reject' | 'compatible' | 'earlier' | 'later'>
  readonly onInvalid: _Defaulted<'exclude' | 'throw'>
} = {
  recognition: {
    type: 'enum',
    values: ['expiry', 'cancellation'],
    default: 'expiry',
  },
  graceDays: {
    type: 'number',
    min: 0,
  },
  discounts: {
    type: 'enum',
    values: ['recurring', 'forever', 'none'],
    default: 'recurring',
  },
  currency: { type: 'string', expected: "an ISO 4217 code such as 'USD'" },
  minorUnits: {
    type: 'number',
    integer: true,
    min: 0,
    max: 6,
    default: 2,
  },
  asOf: _AS_OF,
  inputTimeZone: _INPUT_TIME_ZONE,
  disambiguation: _DISAMBIGUATION,
  onInvalid: _ON_INVALID,
}

/** The fields of a subscription, for the descriptors of the lifecycle KPIs. */
export const _SUBSCRIPTION_FIELDS: { readonly [name: string]: InputField } = {
  customerId: { type: 'string', required: true, doc: 'The customer.' },
  subscriptionId: { type: 'string', required: false, doc: 'The subscription.' },
  start: { type: 'instant', required: true, doc: 'When it started.' },
  end: { type: 'instant', required: false, doc: 'When it ended (null while active).' },
  cancelledAt: { type: 'instant', required: false, doc: 'When cancellation was asked for.' },
  pastDueSince: { type: 'instant', required: false, doc: 'Since when it is past due.' },
  amount: { type: 'money', required: false, doc: 'The price per interval, in major units.' },
  billingInterval: {
    type: 'string',
    required: false,
    doc: "The billing interval of `amount`: 'day', 'week', 'month', 'quarter', 'year' or a number of months.",
  },
  discount: { type: 'object', required: false, doc: 'A recurring discount.' },
  quantity: { type: 'number', required: false, doc: 'Seats or units.' },
  trial: { type: 'boolean', required: false, doc: 'A trial (never a customer).' },
  currency: { type: 'string', required: false, doc: 'ISO 4217 code.' },
  mrr: { type: 'money', required: false, doc: 'A pre-normalised monthly value.' },
}

/** Reads the common options of a subscription-based KPI. */
export function _subscriptionConfig(
  fn: string,
  options: SubscriptionOptions | undefined,
  money: boolean,
): _SubscriptionConfig {
  const o = _options(fn, options)
  const currency = o.currency === undefined ? null : o.currency
  if (currency !== null && typeof currency !== 'string') {
    throw _typeError(fn, 'options.currency', "an ISO 4217 code such as 'USD'", currency)
  }
  return {
    money,
    recognition:
      o.recognition === undefined
        ? 'expiry'
        : _oneOf(fn, 'options.recognition', o.recognition, ['expiry', 'cancellation']),
    graceMs: o.graceDays === undefined ? null : _number(fn, 'options.graceDays', o.graceDays, 0) * DAY,
    discounts:
      o.discounts === undefined
        ? 'recurring'
        : _oneOf(fn, 'options.discounts', o.discounts, ['recurring', 'forever', 'none']),
    currency,
    minor: 10 ** (o.minorUnits === undefined ? 2 : _integer(fn, 'options.minorUnits', o.minorUnits, 0, 6)),
    asOf: o.asOf === undefined ? Number.POSITIVE_INFINITY : _instantArgument(fn, 'options.asOf', o.asOf),
    onInvalid:
      o.onInvalid === undefined
        ? 'exclude'
        : _oneOf(fn, 'options.onInvalid', o.onInvalid, ['exclude', 'throw']),
    instant: _instantReader(fn, o),
  }
}

/** A whole number of minor units from an amount in major units, or null when it is not one. */
function minorUnits(amount: number, minor: number): number | null {
  const scaled = amount * minor
  const whole = Math.round(scaled)
  return Math.abs(scaled - whole) <= 1e-6 * Math.max(1, Math.abs(scaled)) ? whole : null
}

/** A monthly value that integers hold exactly (below 2⁵³ in 1/360 of a minor unit), or invalid. */
const exact = (x: number): number | 'invalid' => (Number.isSafeInteger(x) ? x : 'invalid')

/** The monthly value × 360 in minor units of a subscription, or a reason it has none. */
function monthlyValue(s: Subscription, c: _SubscriptionConfig): number | 'missing' | 'invalid' {
  if (s.mrr !== undefined && s.mrr !== null) {
    const mrr = _numeric(s.mrr)
    if (mrr === null || !Number.isFinite(mrr) || mrr < 0) return 'invalid'
    return exact(Math.round(mrr * c.minor * _SCALE))
  }
  if (s.amount === undefined || s.amount === null) return c.money ? 'missing' : 1
  const amount = _numeric(s.amount)
  if (amount === null || !Number.isFinite(amount) || amount < 0) return 'invalid'
  const price = minorUnits(amount, c.minor)
  const quantity = s.quantity ?? 1
  if (price === null || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) {
    return 'invalid'
  }
  const interval = s.billingInterval
  if (interval === undefined || interval === null) return c.money ? 'missing' : 1
  const perMonth =
    typeof interval === 'number'
      ? Number.isInteger(interval) && interval > 0
        ? _SCALE / interval
        : Number.NaN
      : Object.hasOwn(_PER_MONTH, interval)
        ? (_PER_MONTH[interval] as number)
        : Number.NaN
  if (Number.isNaN(perMonth)) return 'invalid'
  let net = price * quantity
  const d = s.discount
  if (d !== undefined && d !== null) {
    if (typeof d !== 'object') return 'invalid'
    const duration = d.duration ?? 'forever'
    if (duration !== 'forever' && duration !== 'repeating' && duration !== 'once') return 'invalid'
    const applies =
      c.discounts === 'recurring' ? duration !== 'once' : c.discounts === 'forever' && duration === 'forever'
    if (d.percentOff !== undefined) {
      if (typeof d.percentOff !== 'number' || !(d.percentOff >= 0 && d.percentOff <= 100)) return 'invalid'
      // The discounted price of an invoice, rounded half up to the minor unit as billing systems do.
      if (applies) net -= Math.round((net * d.percentOff) / 100)
    }
    if (d.amountOff !== undefined) {
      const amountOff = _numeric(d.amountOff)
      const off = amountOff !== null && amountOff >= 0 ? minorUnits(amountOff, c.minor) : null
      if (off === null) return 'invalid'
      if (applies) net = Math.max(0, net - off)
    }
  }
  // Intervals that do not divide 360 months are exact to 1/360 of a minor unit.
  return exact(Math.round(net * perMonth))
}

const optionalInstant = (value: unknown, c: _SubscriptionConfig): number | null | undefined =>
  value === undefined || value === null ? null : (c.instant(value) ?? undefined)

/** Reads one subscription into its paid span and files it under its customer, or says why it cannot. */
function addSubscription(
  state: SubscriptionState,
  s: Subscription,
  index: number,
  kpi: string,
  c: _SubscriptionConfig,
  find: _Finder,
): string | null {
  if (s === null || s === undefined) return 'missing'
  if (typeof s !== 'object') return 'invalid'
  const id = s.customerId
  if (id === undefined || id === null || id === '') return 'missing'
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    return 'invalid'
  }
  if (s.start === undefined || s.start === null) return 'missing'
  const start = c.instant(s.start)
  const end = optionalInstant(s.end, c)
  const cancelled = optionalInstant(s.cancelledAt, c)
  const pastDue = optionalInstant(s.pastDueSince, c)
  if (start === null || end === undefined || cancelled === undefined || pastDue === undefined) {
    return 'invalid'
  }
  if (end !== null && end < start) return 'invalid'
  if (s.trial !== undefined && s.trial !== null && typeof s.trial !== 'boolean') {
    return 'invalid'
  }
  const value = monthlyValue(s, c)
  if (typeof value === 'string') return value
  if (start >= c.asOf) return 'pending'
  if (s.trial === true) return 'trial'
  if (value === 0) return 'free'
  if (c.money) {
    const currency = s.currency ?? c.currency
    if (currency !== undefined && currency !== null && typeof currency !== 'string') return 'invalid'
    if (currency !== undefined && currency !== null) {
      const seen = c.currency ?? state.currency
      if (seen !== null && seen !== currency) {
        throw new KpiError(
          'incompatible-input',
          `${kpi}: subscription ${index} is in ${String(currency)} but the computation is in ${seen}; convert first`,
          { kpi, index, value: currency },
        )
      }
      state.currency = currency
    }
  }
  let stop = end ?? Number.POSITIVE_INFINITY
  if (c.recognition === 'cancellation' && cancelled !== null)
    stop = Math.min(stop, Math.max(cancelled, start))
  if (c.graceMs !== null && pastDue !== null) stop = Math.min(stop, Math.max(pastDue + c.graceMs, start))
  // What happens after asOf is not known yet.
  const known = stop > c.asOf ? null : stop === Number.POSITIVE_INFINITY ? null : stop
  const sub = s.subscriptionId
  const key = typeof sub === 'string' || (typeof sub === 'number' && Number.isFinite(sub)) ? sub : null
  const customer = String(id)
  const spans = find.get(state.customers, customer)
  const span: SubscriptionSpan = [start, known, value, key]
  if (spans === undefined) find.set(state.customers, customer, [span])
  else spans.push(span)
  state.n++
  return null
}

/**
 * Builds a subscription-based aggregator: every lifecycle KPI over subscriptions keeps the same state
 * and differs only in its result.
 */
export function _subscriptionAggregator<T, Out>(
  fn: string,
  accessor: Accessor<T, Subscription> | undefined,
  config: _SubscriptionConfig,
  result: (state: SubscriptionState) => Out,
): Aggregator<T, SubscriptionState, Out> {
  _accessor(fn, accessor)
  const find = _finder(fn)
  return {
    kpi: fn,
    init: () => ({
      currency: null,
      customers: _keyed(),
      n: 0,
      excluded: { missing: 0, invalid: 0, trial: 0, free: 0, pending: 0 },
    }),
    add(state, item, index) {
      const s = accessor === undefined ? (item as unknown as Subscription) : accessor(item, index)
      const reason = addSubscription(state, s, index, fn, config, find)
      // Trials, free plans and later records are not errors: they are counted whatever onInvalid says.
      if (reason !== null) {
        const policy = reason === 'missing' || reason === 'invalid' ? config.onInvalid : 'exclude'
        _exclude(state.excluded, reason, policy, fn, index, s)
      }
      return state
    },
    merge(a, b) {
      if (a === b) b = _copy(b)
      if (a.currency !== null && b.currency !== null && a.currency !== b.currency) {
        throw new KpiError(
          'incompatible-state',
          `${fn}: cannot merge a state in ${a.currency} with one in ${b.currency}`,
          {
            kpi: fn,
          },
        )
      }
      if (a.currency === null) a.currency = b.currency
      const { keys, values } = b.customers
      for (let i = 0; i < keys.length; i++) {
        const id = keys[i] as string
        const spans = values[i] as SubscriptionSpan[]
        const mine = find.get(a.customers, id)
        if (mine === undefined) find.set(a.customers, id, spans.slice())
        else for (const span of spans) mine.push(span)
      }
      a.n += b.n
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result,
  }
}

/** Converts a monthly value in units of 1/360 minor unit to major units. */
export function _major(value: number, config: _SubscriptionConfig): number {
  return value / (_SCALE * config.minor)
}

/** Why a lifecycle KPI has no value: every subscription excluded or none at all, else `otherwise`. */
export function _lifecycleReason(
  state: Pick<SubscriptionState, 'n' | 'excluded'>,
  otherwise: NullReason,
): NullReason {
  return state.n === 0 ? _emptyReason(state.excluded) : otherwise
}

/** One line on each subscription option, for the descriptors. */
export const _SUBSCRIPTION_DOCS: _Docs = {
  recognition:
    'When a cancelling customer stops counting: at the end of the paid period, or at cancellation.',
  graceDays: 'A subscription past due for more than this many days counts as ended.',
  discounts: 'Which discounts reduce MRR.',
  currency: 'The currency expected.',
  minorUnits: 'Digits of the currency’s minor unit (2 for USD, 0 for JPY).',
}
