import type { ConfidenceInterval } from '../core/result.ts'
import { _criticalZ } from './_critical.ts'
import { _clip01, _proportionArguments, type ProportionIntervalOptions } from './_proportion.ts'

/**
 * Options of {@link waldInterval}.
 * @category Statistics
 */
export interface WaldIntervalOptions extends ProportionIntervalOptions {}

/**
 * The Wald interval of a proportion, p ± z·√(p(1−p)/n), clipped to [0, 1]. Provided for comparison with
 * textbooks and spreadsheets; it undercovers for n < 100 or p near 0 or 1 (it is [0, 0] at p = 0), so
 * prefer {@link wilsonInterval}. Unit: proportion. `trials` of 0 gives `null`.
 *
 * Source: spec §15; J. Sauro, measuringusability.com/wald.htm.
 *
 * @example
 * ```ts
 * waldInterval(30, 50) //=> { lower: 0.46421, upper: 0.73579, … } (rounded)
 * ```
 * @category Statistics
 */
export function waldInterval(
  successes: number,
  trials: number,
  options?: WaldIntervalOptions,
): ConfidenceInterval | null {
  const level = _proportionArguments('waldInterval', successes, trials, options)
  if (trials === 0) return null
  const p = successes / trials
  const half = _criticalZ(level) * Math.sqrt((p * (1 - p)) / trials)
  return { lower: _clip01(p - half), upper: _clip01(p + half), level, method: 'wald' }
}
