import { _typeError } from '../core/_assert.ts'
import type { Variant } from '../core/result.ts'
import { _amount, _exact } from './_decimal.ts'

/**
 * A figure or a result with a `value` (a {@link lifetimeValue} or {@link acquisitionCost} result).
 * @category Economics
 */
export type Figure = number | string | null | FigureResult

/**
 * A result with a money figure.
 * @category Economics
 */
export interface FigureResult {
  /** The figure, or null. */
  readonly value: number | null
  /** Its exact decimal string, when there is one. */
  readonly exact?: string | null
}

/**
 * The result of {@link ltvToCacRatio}.
 * @category Economics
 */
export interface LtvToCacRatioResult {
  /** Always `'result'`. */
  readonly kind: 'result'
  /** Always `{}`: the ratio has no options. */
  readonly variant: Variant
  /** Always `'ltvToCacRatio'`. */
  readonly kpi: 'ltvToCacRatio'
  /** LTV / CAC, or null (see `reason`). */
  readonly value: number | null
  /** Its exact decimal string, or null. */
  readonly exact: string | null
  /** Why `value` is null. */
  readonly reason: 'no-ltv' | 'no-cac' | 'zero-denominator' | 'negative-cac' | null
}

const read = (fn: string, arg: string, x: Figure) => {
  if (x === null) return null
  if (typeof x === 'object') {
    if (x.value === null) return null
    const exact = typeof x.exact === 'string' ? _amount(x.exact) : _amount(x.value)
    if (exact === null) throw _typeError(fn, arg, 'a number, a decimal string or a result with `value`', x)
    return exact
  }
  const d = _amount(x)
  if (d === null) throw _typeError(fn, arg, 'a number, a decimal string or a result with `value`', x)
  return d
}

/**
 * LTV:CAC — how many times a customer's lifetime value covers what it cost to acquire them. Skok and
 * a16z's rough benchmark is 3 or more; use the same margin basis, segment and period for both. Takes
 * numbers or the results of {@link lifetimeValue} and {@link acquisitionCost} (exact decimals are used
 * when there). `null` with a reason when either is missing or CAC is zero or negative (organic-only
 * acquisition has no finite ratio).
 *
 * @example
 * ```ts
 * ltvToCacRatio(100, 50).value // 2 (ChartMogul's example)
 * ltvToCacRatio(lifetimeValue({ arpa: 100, churn: 0.05, margin: 0.8 }), cac)
 * ```
 * @category Economics
 */
export function ltvToCacRatio(ltv: Figure, cac: Figure): LtvToCacRatioResult {
  const fn = 'ltvToCacRatio'
  const l = read(fn, 'ltv', ltv)
  const c = read(fn, 'cac', cac)
  const none = (reason: LtvToCacRatioResult['reason']): LtvToCacRatioResult => ({
    kind: 'result',
    kpi: 'ltvToCacRatio',
    variant: {},
    value: null,
    exact: null,
    reason,
  })
  if (l === null) return none('no-ltv')
  if (c === null) return none('no-cac')
  if (c.isZero()) return none('zero-denominator')
  if (c.isNegative()) return none('negative-cac')
  const ratio = _exact(l.div(c))
  // A CAC so close to 0 that the ratio is beyond any number is no denominator at all.
  if (!Number.isFinite(ratio.value)) return none('zero-denominator')
  return { kind: 'result', kpi: 'ltvToCacRatio', variant: {}, ...ratio, reason: null }
}
