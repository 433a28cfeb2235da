import { _integer, _number, _oneOf, _options, _typeError } from '../core/_assert.ts'
import { _bgnbdArgument, _conditional, type BgNbdParameters } from './_bgnbd.ts'
import { _gammaGammaArgument, _spend, type GammaGammaParameters } from './_gammaGamma.ts'
import { _validCustomer, type RfmInput } from './_rfm.ts'

/**
 * Options of {@link customerLifetimeValue}.
 * @category Economics
 */
export interface CustomerLifetimeValueOptions {
  /** How many periods ahead to value (12 months, say). */
  readonly horizon: number
  /**
   * The length of a period: `'month'` (30 days), `'week'`, `'day'`, or a number of days.
   * @defaultValue 'month'
   */
  readonly unit?: 'month' | 'week' | 'day' | number
  /**
   * Discount rate per period (0.01 a month is about 12.7 % a year); cash flows are discounted at the end
   * of each period.
   * @defaultValue 0
   */
  readonly discountRate?: number
  /** Days per time unit of the fitted summary; by default what the BG/NBD fit says, else 7 (weeks). */
  readonly unitDays?: number
}

/**
 * One customer's predicted value.
 * @category Economics
 */
export interface CustomerValue {
  /** The customer, when the input row has an id. */
  readonly customerId: string | null
  /** Discounted expected spend over the horizon (currency units), or null for an invalid row. */
  readonly value: number | null
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number | null
  /** Expected value per purchase. */
  readonly expectedSpend: number | null
}

/**
 * Predicted customer lifetime value over a horizon, from a BG/NBD model of purchases and a Gamma-Gamma
 * model of spend: the sum over periods i = 1…horizon of the expected purchases in period i
 * (E[Y(tᵢ)] − E[Y(tᵢ₋₁)]) times the expected spend, discounted by (1 + d)^i — the construction of Fader,
 * Hardie & Lee (2005, "RFM and CLV"), as lifetimes and PyMC-Marketing compute it.
 *
 * Returns one row per input customer, in order; a row with an invalid history has `value: null`.
 *
 * @example
 * ```ts
 * customerLifetimeValue(purchases, spend, summary.customers, { horizon: 12, discountRate: 0.01 })
 * ```
 * @category Economics
 */
export function customerLifetimeValue(
  purchases: BgNbdParameters & { readonly unitDays?: number | null },
  spend: GammaGammaParameters,
  customers: Iterable<RfmInput & { readonly customerId?: string | number }>,
  options: CustomerLifetimeValueOptions,
): CustomerValue[] {
  const fn = 'customerLifetimeValue'
  _bgnbdArgument(fn, purchases)
  _gammaGammaArgument(fn, spend)
  if (customers === null || typeof customers?.[Symbol.iterator] !== 'function') {
    throw _typeError(fn, 'customers', 'an iterable of customer summaries', customers)
  }
  const o = _options(fn, options)
  const horizon = _integer(fn, 'options.horizon', o.horizon, 1)
  const periodDays =
    typeof o.unit === 'number'
      ? _number(fn, 'options.unit', o.unit, Number.MIN_VALUE)
      : { month: 30, week: 7, day: 1 }[
          o.unit === undefined ? 'month' : _oneOf(fn, 'options.unit', o.unit, ['month', 'week', 'day'])
        ]
  const discount = o.discountRate === undefined ? 0 : _number(fn, 'options.discountRate', o.discountRate, 0)
  const unitDays =
    o.unitDays === undefined
      ? (purchases.unitDays ?? 7)
      : _number(fn, 'options.unitDays', o.unitDays, Number.MIN_VALUE)
  const step = periodDays / unitDays
  const out: CustomerValue[] = []
  for (const c of customers) {
    const customerId = c?.customerId === undefined || c?.customerId === null ? null : String(c.customerId)
    const m = c?.monetaryValue ?? 0
    if (!_validCustomer(c) || typeof m !== 'number' || !Number.isFinite(m) || m < 0) {
      out.push({ customerId, value: null, expectedPurchases: null, expectedSpend: null })
      continue
    }
    const { frequency: x, recency: tx, T } = c
    const perPurchase = _spend(spend, x, m)
    let value = 0
    let previous = 0
    for (let i = 1; i <= horizon; i++) {
      const cumulative = _conditional(purchases, x, tx, T, i * step)
      value += ((cumulative - previous) * perPurchase) / (1 + discount) ** i
      previous = cumulative
    }
    out.push({ customerId, value, expectedPurchases: previous, expectedSpend: perPurchase })
  }
  return out
}
