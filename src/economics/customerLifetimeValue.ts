import { _accessorAndOptions, _iterable } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _resolve } from '../core/_resolve.ts'
import { _bgnbdArgument, _conditional, type BgNbdParameters } from './_bgnbd.ts'
import { _gammaGammaArgument, _spend, type GammaGammaParameters } from './_gammaGamma.ts'
import { _validCustomer, type RfmInput } from './_rfm.ts'

/**
 * Options of {@link customerLifetimeValue}: the two fitted models, and the horizon.
 * @category Economics
 */
export interface CustomerLifetimeValueOptions {
  /** The fitted BG/NBD model of purchases ({@link fitBgNbd}); its `unitDays` is the summary's unit. */
  readonly purchases: BgNbdParameters & {
    /** Days per time unit of the summary it was fitted on (what {@link fitBgNbd} reports). */
    readonly unitDays?: number | null
  }
  /** The fitted Gamma-Gamma model of spend ({@link fitGammaGamma}). */
  readonly spend: GammaGammaParameters
  /** How many periods ahead to value (12 months, say). */
  readonly horizon: number
  /**
   * The length of a period, in days: 30 for a month (as lifetimes and PyMC-Marketing count it), 7 for a
   * week.
   * @defaultValue 30
   */
  readonly periodDays?: number
  /**
   * Discount rate per period (0.01 a month is about 12.7 % a year); cash flows are discounted at the end
   * of each period.
   * @defaultValue 0
   */
  readonly discountRate?: number
  /** Days per time unit of the fitted summary; by default what the BG/NBD fit says, else 7 (weeks). */
  readonly unitDays?: number
}

const RULES = {
  purchases: { type: 'custom', required: true, expected: 'a fitted BG/NBD model { r, alpha, a, b }' },
  spend: { type: 'custom', required: true, expected: 'a fitted Gamma-Gamma model { p, q, gamma }' },
  horizon: { type: 'number', integer: true, min: 1, max: 100_000, required: true },
  periodDays: {
    type: 'number',
    min: 0,
    exclusive: true,
    max: Number.MAX_VALUE,
    default: 30,
    aliases: ['unit', 'period'],
  },
  discountRate: { type: 'number', min: 0, default: 0 },
  unitDays: { type: 'number', min: 0, exclusive: true, max: Number.MAX_VALUE },
} as const

/**
 * A customer's summary, as {@link rfmSummary} gives it: frequency, recency, age and mean repeat spend.
 * @category Economics
 */
export type CustomerSummary = RfmInput & {
  /** The customer, carried into its row of the result. */
  readonly customerId?: string | number
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
 * Hardie & Lee (2005, "RFM and CLV"), as lifetimes and PyMC-Marketing compute it. Unit: the currency's
 * major units per customer.
 *
 * Like every KPI it takes the records first — customer summaries ({@link rfmSummary}'s `customers`), or
 * any records with an accessor to them — and the models in its options. Returns one row per customer,
 * in order; a row with an invalid history has `value: null`.
 *
 * @example
 * ```ts
 * const models = { purchases: fitBgNbd(summary), spend: fitGammaGamma(summary) }
 * customerLifetimeValue(summary.customers, { ...models, horizon: 12, discountRate: 0.01 })
 * ```
 * @category Economics
 */
export function customerLifetimeValue(
  customers: Iterable<CustomerSummary>,
  options: CustomerLifetimeValueOptions,
): CustomerValue[]
export function customerLifetimeValue<T>(
  customers: Iterable<T>,
  accessor: (item: T, index: number) => CustomerSummary,
  options: CustomerLifetimeValueOptions,
): CustomerValue[]
export function customerLifetimeValue<T>(
  customers: Iterable<T>,
  accessorOrOptions: ((item: T, index: number) => CustomerSummary) | CustomerLifetimeValueOptions,
  maybeOptions?: CustomerLifetimeValueOptions,
): CustomerValue[] {
  const fn = 'customerLifetimeValue'
  const [read, options] = _accessorAndOptions<
    (item: T, index: number) => CustomerSummary,
    CustomerLifetimeValueOptions
  >(fn, accessorOrOptions, maybeOptions)
  _iterable(fn, customers, 'customers')
  if (options === undefined)
    throw _typeError(fn, 'options', 'an object { purchases, spend, horizon }', options)
  const o = _resolve(fn, RULES, options)
  const purchases = o.purchases as CustomerLifetimeValueOptions['purchases']
  const spend = o.spend as GammaGammaParameters
  _bgnbdArgument(fn, purchases, 'options.purchases')
  _gammaGammaArgument(fn, spend, 'options.spend')
  const unitDays = o.unitDays ?? purchases.unitDays ?? 7
  const step = o.periodDays / unitDays
  const out: CustomerValue[] = []
  let index = 0
  for (const item of customers) {
    const c = read === undefined ? (item as CustomerSummary) : read(item, index)
    index++
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
    for (let i = 1; i <= o.horizon; i++) {
      const cumulative = _conditional(purchases, x, tx, T, i * step)
      value += ((cumulative - previous) * perPurchase) / (1 + o.discountRate) ** i
      previous = cumulative
    }
    out.push({ customerId, value, expectedPurchases: previous, expectedSpend: perPurchase })
  }
  return out
}
