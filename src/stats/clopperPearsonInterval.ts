import type { ConfidenceInterval } from '../core/result.ts'
import { _betaQuantile } from './_betaQuantile.ts'
import { _proportionArguments, type ProportionIntervalOptions } from './_proportion.ts'

/**
 * Options of {@link clopperPearsonInterval}.
 * @category Statistics
 */
export interface ClopperPearsonIntervalOptions extends ProportionIntervalOptions {}

/**
 * The Clopper–Pearson ("exact") interval of a proportion, from quantiles of the beta distribution:
 * lower = B⁻¹(α/2; x, n−x+1), upper = B⁻¹(1−α/2; x+1, n−x). Conservative: its coverage is at least the
 * level. Unit: proportion. `trials` of 0 gives `null`.
 *
 * Source: C. J. Clopper, E. S. Pearson (1934); scipy `proportion_ci(method='exact')`.
 *
 * @example
 * ```ts
 * clopperPearsonInterval(30, 50) //=> { lower: 0.45179, upper: 0.73592, … } (rounded)
 * ```
 * @category Statistics
 */
export function clopperPearsonInterval(
  successes: number,
  trials: number,
  options?: ClopperPearsonIntervalOptions,
): ConfidenceInterval | null {
  const level = _proportionArguments('clopperPearsonInterval', successes, trials, options)
  if (trials === 0) return null
  const alpha = 1 - level
  const lower = successes === 0 ? 0 : _betaQuantile(alpha / 2, successes, trials - successes + 1)
  const upper = successes === trials ? 1 : _betaQuantile(1 - alpha / 2, successes + 1, trials - successes)
  return { lower, upper, level, method: 'clopper-pearson' }
}
