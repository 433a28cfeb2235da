import type { ConfidenceInterval } from '../core/result.ts'
import { _criticalZ } from './_critical.ts'
import { _clip01, _proportionArguments, type ProportionIntervalOptions } from './_proportion.ts'

/**
 * Options of {@link wilsonInterval}.
 * @category Statistics
 */
export interface WilsonIntervalOptions extends ProportionIntervalOptions {}

/**
 * The Wilson score interval of a proportion `successes / trials` — the default interval for shares in
 * this library (CSAT top-box, FCR, response rate). It stays within [0, 1] and keeps its coverage for
 * small samples and proportions near 0 or 1, where the Wald interval fails.
 *
 * Formula: centre = (p + z²/2n) / (1 + z²/n), half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * Unit: proportion (0…1). `trials` of 0 gives `null`. Counts may be fractional (weighted data).
 *
 * Source: E. B. Wilson (1927); scipy `BinomTestResult.proportion_ci(method='wilson')`.
 *
 * @example
 * ```ts
 * wilsonInterval(30, 50) //=> { lower: 0.46181, upper: 0.72392, level: 0.95, method: 'wilson' } (rounded)
 * ```
 * @category Statistics
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options?: WilsonIntervalOptions,
): ConfidenceInterval | null {
  const level = _proportionArguments('wilsonInterval', successes, trials, options)
  if (trials === 0) return null
  const z = _criticalZ(level)
  const p = successes / trials
  const z2n = (z * z) / trials
  const centre = (p + z2n / 2) / (1 + z2n)
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials))) / (1 + z2n)
  return {
    lower: successes === 0 ? 0 : _clip01(centre - half),
    upper: successes === trials ? 1 : _clip01(centre + half),
    level,
    method: 'wilson',
  }
}
