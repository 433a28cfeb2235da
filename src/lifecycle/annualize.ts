import { _compound, type CompoundOptions } from './_compound.ts'

/**
 * Turns a per-period churn (or retention) rate into an annual one by compounding, never by multiplying:
 * annual churn = 1 − (1 − r)^n, annual retention = r^n, with n periods a year. 3 % monthly churn is
 * 30.62 % a year, not 36 % (spec §4.2, §4.7 E5). `null` stays `null`.
 *
 * @example
 * ```ts
 * annualize(0.03) // 0.3062…
 * annualize(0.97, { kind: 'retention' }) // 0.6938…
 * ```
 * @category Lifecycle
 */
export function annualize(rate: number | null, options?: CompoundOptions): number | null {
  return _compound('annualize', rate, options, false)
}
