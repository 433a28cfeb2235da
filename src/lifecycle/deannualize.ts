import { _compound, type CompoundOptions } from './_compound.ts'

/**
 * Turns an annual churn (or retention) rate into a per-period one by compounding: per-period churn =
 * 1 − (1 − r)^(1/n). 30 % a year is 2.9286 % a month (spec §4.7 E5). `null` stays `null`.
 *
 * @example
 * ```ts
 * deannualize(0.3) // 0.029286…
 * ```
 * @category Lifecycle
 */
export function deannualize(rate: number | null, options?: CompoundOptions): number | null {
  return _compound('deannualize', rate, options, true)
}
