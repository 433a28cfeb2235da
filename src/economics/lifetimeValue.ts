import { _number, _oneOf, _options, _rangeError, _typeError } from '../core/_assert.ts'
import { _amount, _Decimal, _exact } from './_decimal.ts'

/**
 * What {@link lifetimeValue} is computed from. Give ARPA, or MRR and the number of customers; give logo
 * churn, or net revenue retention with `churnBasis: 'net-revenue'`. Rates and ARPA are per `period`.
 * @category Economics
 */
export interface LifetimeValueInput {
  /** Average revenue per account per period (major units), e.g. MRR / paying customers. */
  readonly arpa?: number | string
  /** Instead of `arpa`: total recurring revenue of the period… */
  readonly mrr?: number | string
  /** …and the paying customers it comes from (ARPA = mrr / customers; ChartMogul). */
  readonly customers?: number
  /** Logo churn per period, 0…1. */
  readonly churn?: number | null
  /** Net revenue retention per period, for `churnBasis: 'net-revenue'` (churn = 1 − NRR). */
  readonly nrr?: number | null
  /** Gross margin, 0…1. Without it the LTV is on revenue, and says so. */
  readonly margin?: number
  /**
   * The period of `arpa`.
   * @defaultValue 'month'
   */
  readonly arpaPeriod?: 'month' | 'quarter' | 'year'
  /**
   * The period of `churn` or `nrr`; must equal `arpaPeriod` (monthly ARPA with annual churn is a unit
   * error, and an error here).
   * @defaultValue 'month'
   */
  readonly churnPeriod?: 'month' | 'quarter' | 'year'
}

/**
 * Options of {@link lifetimeValue}.
 * @category Economics
 */
export interface LifetimeValueOptions {
  /**
   * What the lifetime comes from: logo churn (ChartMogul, Stripe, Baremetrics; the default) or
   * 1 − net revenue retention (ProfitWell).
   * @defaultValue 'logo'
   */
  readonly churnBasis?: 'logo' | 'net-revenue'
  /**
   * Discount rate per period; 0 gives the undiscounted ARPA × margin / churn.
   * @defaultValue 0
   */
  readonly discountRate?: number
  /**
   * When in each period the margin arrives, for discounting: at its end, LTV = m / (1 + d − r); at its
   * start, m (1 + d) / (1 + d − r), with r = 1 − churn.
   * @defaultValue 'end'
   */
  readonly paymentTiming?: 'end' | 'start'
  /**
   * Caps the lifetime at this many months (60 is Stripe's rule) so that zero or negative churn gives a
   * finite value: lifetime = min(1 / churn, cap); with discounting, the sum is cut after the cap.
   * Without it, zero churn gives `null`.
   */
  readonly maxLifetimeMonths?: number
}

/**
 * The result of {@link lifetimeValue}.
 * @category Economics
 */
export interface LifetimeValueResult {
  /** Always `'result'`. */
  readonly kind: 'result'
  /** Always `'lifetimeValue'`. */
  readonly kpi: 'lifetimeValue'
  /** The LTV in major units, or null (see `reason`). */
  readonly value: number | null
  /** Its exact decimal string, or null. */
  readonly exact: string | null
  /** Why `value` is null: zero churn, negative churn (net retention above 1), or no ARPA (`'no-data'`). */
  readonly reason: 'zero-churn' | 'negative-churn' | 'no-data' | null
  /** Revenue LTV (no margin given) or gross-margin LTV. */
  readonly basis: 'revenue' | 'gross-margin'
  /** The ARPA used, per period. */
  readonly arpa: number | null
  /** The churn used, per period. */
  readonly churn: number | null
  /** The expected lifetime in periods (1 / churn, or the cap), or null. */
  readonly lifetimePeriods: number | null
  /** The period of ARPA and churn. */
  readonly period: 'month' | 'quarter' | 'year'
  /** How it was computed. */
  readonly variant: {
    /** Logo churn or 1 − NRR. */
    readonly churnBasis: 'logo' | 'net-revenue'
    /** The discount rate per period. */
    readonly discountRate: number
    /** End- or start-of-period cash flows. */
    readonly paymentTiming: 'end' | 'start'
    /** The lifetime cap in periods, or null. */
    readonly maxLifetimePeriods: number | null
  }
}

const MONTHS = { month: 1, quarter: 3, year: 12 } as const

/**
 * Customer lifetime value by formula: ARPA × gross margin / churn, with both per the same period
 * (ChartMogul, Stripe, Baremetrics; Skok and a16z use the margin). Without a margin the value is revenue
 * LTV and the result says so.
 *
 * Options follow the spec (§8, §17 #8–10): logo churn (default) or 1 − net revenue retention; a discount
 * rate with end- or start-of-period cash flows; and a lifetime cap in months (60 is Stripe's zero-churn
 * rule). Zero churn without a cap gives `null` with `reason: 'zero-churn'` — never 0 and never Infinity.
 * Mixing periods (monthly ARPA with annual churn) is a `RangeError`. Computed with decimal.js; the
 * result has the number and its exact decimal string.
 *
 * @example
 * ```ts
 * lifetimeValue({ arpa: 100, churn: 0.05 }).value // 2000 (ChartMogul's example)
 * lifetimeValue({ arpa: 80, churn: 0.04, margin: 0.8 }).value // 1600
 * ```
 * @category Economics
 */
export function lifetimeValue(
  input: LifetimeValueInput,
  options?: LifetimeValueOptions,
): LifetimeValueResult {
  const fn = 'lifetimeValue'
  if (input === null || typeof input !== 'object')
    throw _typeError(fn, 'input', 'an object { arpa, churn, margin? }', input)
  const o = _options(fn, options, ['churnBasis', 'discountRate', 'paymentTiming', 'maxLifetimeMonths'])
  const churnBasis =
    o.churnBasis === undefined
      ? 'logo'
      : _oneOf(fn, 'options.churnBasis', o.churnBasis, ['logo', 'net-revenue'])
  const discountRate =
    o.discountRate === undefined ? 0 : _number(fn, 'options.discountRate', o.discountRate, 0)
  const paymentTiming =
    o.paymentTiming === undefined
      ? 'end'
      : _oneOf(fn, 'options.paymentTiming', o.paymentTiming, ['end', 'start'])
  const arpaPeriod =
    input.arpaPeriod === undefined
      ? 'month'
      : _oneOf(fn, 'input.arpaPeriod', input.arpaPeriod, ['month', 'quarter', 'year'])
  const churnPeriod =
    input.churnPeriod === undefined
      ? 'month'
      : _oneOf(fn, 'input.churnPeriod', input.churnPeriod, ['month', 'quarter', 'year'])
  if (arpaPeriod !== churnPeriod) {
    throw _rangeError(
      fn,
      'input.churnPeriod',
      `the period of the ARPA ('${arpaPeriod}'): convert one of them first`,
      churnPeriod,
    )
  }
  const cap =
    o.maxLifetimeMonths === undefined
      ? null
      : _number(fn, 'options.maxLifetimeMonths', o.maxLifetimeMonths, Number.MIN_VALUE) / MONTHS[arpaPeriod]
  const margin = input.margin === undefined ? null : _number(fn, 'input.margin', input.margin, 0, 1)
  const D = _Decimal()

  let arpa: InstanceType<typeof D> | null
  if (input.arpa !== undefined) {
    arpa = _amount(input.arpa)
    if (arpa === null)
      throw _typeError(fn, 'input.arpa', 'an amount (a number or a decimal string)', input.arpa)
  } else {
    const mrr = input.mrr === undefined ? null : _amount(input.mrr)
    if (mrr === null)
      throw _typeError(fn, 'input', 'an object with `arpa`, or with `mrr` and `customers`', input)
    const customers = _number(fn, 'input.customers', input.customers, 0)
    arpa = customers === 0 ? null : mrr.div(customers)
  }
  let churn: number | null
  if (churnBasis === 'logo') {
    churn =
      input.churn === undefined || input.churn === null ? null : _number(fn, 'input.churn', input.churn, 0, 1)
    if (churn === null) throw _typeError(fn, 'input.churn', 'a churn rate between 0 and 1', input.churn)
  } else {
    const nrr = input.nrr === undefined || input.nrr === null ? null : _number(fn, 'input.nrr', input.nrr, 0)
    if (nrr === null)
      throw _typeError(
        fn,
        'input.nrr',
        "a net revenue retention rate (with churnBasis 'net-revenue')",
        input.nrr,
      )
    churn = 1 - nrr
  }
  const variant = { churnBasis, discountRate, paymentTiming, maxLifetimePeriods: cap }
  const base = {
    kind: 'result' as const,
    kpi: 'lifetimeValue' as const,
    basis: margin === null ? ('revenue' as const) : ('gross-margin' as const),
    arpa: arpa === null ? null : arpa.toNumber(),
    churn,
    period: arpaPeriod,
    variant,
  }
  const none = (reason: 'zero-churn' | 'negative-churn' | 'no-data') =>
    ({ ...base, value: null, exact: null, reason, lifetimePeriods: null }) satisfies LifetimeValueResult
  if (arpa === null) return none('no-data')
  const m = margin === null ? arpa : arpa.times(String(margin))
  const d = new D(String(discountRate))
  const r = new D(1).minus(String(churn))
  if (cap === null) {
    if (churn === 0) return none('zero-churn')
    if (churn < 0) return none('negative-churn')
    const denominator = d.plus(1).minus(r)
    const ltv = paymentTiming === 'end' ? m.div(denominator) : m.times(d.plus(1)).div(denominator)
    return { ...base, ..._exact(ltv), reason: null, lifetimePeriods: 1 / churn }
  }
  const lifetime = churn > 0 ? Math.min(1 / churn, cap) : cap
  if (discountRate === 0)
    return { ...base, ..._exact(m.times(String(lifetime))), reason: null, lifetimePeriods: lifetime }
  // Discounted and capped: the sum of the first `cap` periods' discounted expected margin.
  let ltv = new D(0)
  for (let i = 0; i < Math.floor(cap); i++) {
    const factor = paymentTiming === 'end' ? d.plus(1).pow(i + 1) : d.plus(1).pow(i)
    ltv = ltv.plus(m.times(r.pow(i)).div(factor))
  }
  return { ...base, ..._exact(ltv), reason: null, lifetimePeriods: lifetime }
}
