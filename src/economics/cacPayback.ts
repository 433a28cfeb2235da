import { _integer, _number, _oneOf, _options, _typeError } from '../core/_assert.ts'
import type { Variant } from '../core/result.ts'
import { _amount, _exact } from './_decimal.ts'
import type { Figure } from './ltvToCacRatio.ts'

/**
 * MRR movements of a period, as `mrrMovements` reports them (major units per month).
 * @category Economics
 */
export interface MovementFigures {
  /** New-business MRR. */
  readonly new: number | string
  /** Expansion MRR. */
  readonly expansion: number | string
  /** Contraction MRR. */
  readonly contraction: number | string
  /** Churned MRR. */
  readonly churn: number | string
  /** Reactivation MRR. */
  readonly reactivation: number | string
}

/**
 * What {@link cacPayback} is computed from: per customer (`cac` and `arpa`), or in aggregate (`spend` and
 * the period's `movements` or `newMrr`; arrays, one per period, give a series).
 * @category Economics
 */
export interface CacPaybackInput {
  /** Per customer: the acquisition cost (a number or an `acquisitionCost` result). */
  readonly cac?: Figure
  /** Per customer: average revenue per account per month. */
  readonly arpa?: number | string
  /** Aggregate: sales and marketing spend of the period (or one per period). */
  readonly spend?: number | string | readonly (number | string)[]
  /** Aggregate: the period's MRR movements (or one per period). */
  readonly movements?: MovementFigures | readonly MovementFigures[]
  /** Aggregate, instead of `movements`: new MRR of the period (or one per period). */
  readonly newMrr?: number | string | readonly (number | string)[]
  /** Gross margin, 0…1; without it the payback is on revenue, and says so. */
  readonly margin?: number
}

/**
 * Options of {@link cacPayback}.
 * @category Economics
 */
export interface CacPaybackOptions {
  /**
   * The MRR that pays the spend back, in aggregate: new MRR (the default), net new MRR (new + expansion
   * + reactivation − contraction − churn) or new plus expansion.
   * @defaultValue 'new'
   */
  readonly mrrBasis?: 'new' | 'net-new' | 'new-plus-expansion'
  /**
   * For series: spend of this many periods earlier pays for each period's MRR (SaaSGrid: 1 month).
   * @defaultValue 0
   */
  readonly lag?: number
}

/**
 * The result of {@link cacPayback}.
 * @category Economics
 */
export interface CacPaybackResult {
  /** Always `'result'`. */
  readonly kind: 'result'
  /** The method, basis and MRR basis, as in the fields below. */
  readonly variant: Variant
  /** Always `'cacPayback'`. */
  readonly kpi: 'cacPayback'
  /** Months to recover the acquisition cost, or null (see `reason`). */
  readonly value: number | null
  /** Its exact decimal string, or null. */
  readonly exact: string | null
  /** Why `value` is null: a zero or negative denominator, or a missing input. */
  readonly reason: 'no-cac' | 'no-spend' | 'non-positive-revenue' | 'zero-margin' | null
  /** Per customer or aggregate. */
  readonly method: 'per-customer' | 'aggregate'
  /** Revenue or gross margin. */
  readonly basis: 'revenue' | 'gross-margin'
  /** The MRR basis (aggregate). */
  readonly mrrBasis: 'new' | 'net-new' | 'new-plus-expansion' | null
}

/**
 * CAC payback: the months of gross margin it takes to recover what acquiring customers cost.
 *
 * - Per customer: CAC / (ARPA × gross margin) (hivemetric; "CAC divided by the average monthly gross
 *   profit").
 * - Aggregate: sales and marketing spend / (MRR added × gross margin), where the MRR added is new MRR
 *   (default), net new MRR or new plus expansion (Wall Street Prep); give arrays for a series, with a
 *   `lag` in periods (SaaSGrid sets month y's new customers against month y − 1's spend).
 *
 * MRR is monthly, so the result is in months for any period length. A zero or negative denominator gives
 * `null` with a reason. Computed with decimal.js; exact decimal strings alongside.
 *
 * @example
 * ```ts
 * cacPayback({ cac: 8000, arpa: 1200, margin: 0.78 }).value // 8.547 (spec §10 E1)
 * cacPayback({ spend: [50_000, 60_000], movements: [q1, q2], margin: 0.8 }, { lag: 1 })
 * ```
 * @category Economics
 */
export function cacPayback(
  input: CacPaybackInput & { readonly spend?: number | string },
  options?: CacPaybackOptions,
): CacPaybackResult
export function cacPayback(
  input: CacPaybackInput & { readonly spend: readonly (number | string)[] },
  options?: CacPaybackOptions,
): CacPaybackResult[]
export function cacPayback(
  input: CacPaybackInput,
  options?: CacPaybackOptions,
): CacPaybackResult | CacPaybackResult[] {
  const fn = 'cacPayback'
  if (input === null || typeof input !== 'object')
    throw _typeError(fn, 'input', 'an object { cac, arpa } or { spend, movements }', input)
  const o = _options(fn, options, ['mrrBasis', 'lag'])
  const margin = input.margin === undefined ? null : _number(fn, 'input.margin', input.margin, 0, 1)
  const basis = margin === null ? ('revenue' as const) : ('gross-margin' as const)
  const result = (
    method: 'per-customer' | 'aggregate',
    mrrBasis: CacPaybackResult['mrrBasis'],
    cost: ReturnType<typeof _amount>,
    revenue: ReturnType<typeof _amount>,
    missing: 'no-cac' | 'no-spend',
  ): CacPaybackResult => {
    const base = {
      kind: 'result' as const,
      kpi: 'cacPayback' as const,
      variant: { method, basis, mrrBasis },
      method,
      basis,
      mrrBasis,
    }
    if (cost === null) return { ...base, value: null, exact: null, reason: missing }
    if (margin === 0) return { ...base, value: null, exact: null, reason: 'zero-margin' }
    if (revenue === null || !revenue.isPositive() || revenue.isZero()) {
      return { ...base, value: null, exact: null, reason: 'non-positive-revenue' }
    }
    const monthly = margin === null ? revenue : revenue.times(String(margin))
    return { ...base, ..._exact(cost.div(monthly)), reason: null }
  }
  const amountOf = (arg: string, x: unknown) => {
    const d = typeof x === 'number' || typeof x === 'string' ? _amount(x) : null
    if (d === null) throw _typeError(fn, arg, 'an amount (a number or a decimal string)', x)
    return d
  }

  if (input.spend === undefined) {
    let cac: ReturnType<typeof _amount> = null
    const c = input.cac
    if (c !== undefined && c !== null) {
      if (typeof c === 'object') cac = c.value === null ? null : amountOf('input.cac', c.exact ?? c.value)
      else cac = amountOf('input.cac', c)
    } else if (c === undefined)
      throw _typeError(fn, 'input', 'an object { cac, arpa } or { spend, movements }', input)
    return result('per-customer', null, cac, amountOf('input.arpa', input.arpa), 'no-cac')
  }

  const mrrBasis =
    o.mrrBasis === undefined
      ? 'new'
      : _oneOf(fn, 'options.mrrBasis', o.mrrBasis, ['new', 'net-new', 'new-plus-expansion'])
  const lag = o.lag === undefined ? 0 : _integer(fn, 'options.lag', o.lag, 0)
  const added = (m: MovementFigures | number | string | undefined, arg: string) => {
    if (arg.startsWith('input.newMrr')) {
      if (mrrBasis !== 'new')
        throw _typeError(fn, arg, `movements (mrrBasis '${mrrBasis}' needs more than new MRR)`, m)
      return amountOf(arg, m)
    }
    if (m === null || typeof m !== 'object')
      throw _typeError(fn, arg, 'MRR movements { new, expansion, contraction, churn, reactivation }', m)
    const v = (k: keyof MovementFigures) => amountOf(`${arg}.${k}`, m[k])
    if (mrrBasis === 'new') return v('new')
    if (mrrBasis === 'new-plus-expansion') return v('new').plus(v('expansion'))
    return v('new').plus(v('expansion')).plus(v('reactivation')).minus(v('contraction')).minus(v('churn'))
  }
  const revenue = input.movements ?? input.newMrr
  const which = input.movements === undefined ? 'input.newMrr' : 'input.movements'
  if (Array.isArray(input.spend)) {
    if (!Array.isArray(revenue) || revenue.length !== input.spend.length) {
      throw _typeError(fn, which, 'an array as long as `input.spend`', revenue)
    }
    return revenue.map((m, k) =>
      result(
        'aggregate',
        mrrBasis,
        k - lag < 0
          ? null
          : amountOf(`input.spend[${k - lag}]`, (input.spend as readonly (number | string)[])[k - lag]),
        added(m, `${which}[${k}]`),
        'no-spend',
      ),
    )
  }
  if (lag > 0) throw _typeError(fn, 'options.lag', '0 for a single period (give arrays for a lag)', lag)
  return result(
    'aggregate',
    mrrBasis,
    amountOf('input.spend', input.spend),
    added(revenue as MovementFigures | number | string, which),
    'no-spend',
  )
}
