import type { ConfidenceInterval } from '../core/result.ts'
import { _criticalZ } from './_critical.ts'
import { _clip01, _proportionArguments, type ProportionIntervalOptions } from './_proportion.ts'

/**
 * Options of {@link agrestiCoullInterval}.
 * @category Statistics
 */
export interface AgrestiCoullIntervalOptions extends ProportionIntervalOptions {}

/**
 * The Agresti–Coull interval of a proportion — what MeasuringU calls the "adjusted Wald" interval: add
 * z²/2 successes and z²/2 failures, then take the Wald interval. Clipped to [0, 1], which it can leave.
 *
 * Formula: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·√(p̃(1−p̃)/ñ). Unit: proportion. `trials` of 0 gives `null`.
 *
 * Source: A. Agresti, B. A. Coull (1998); J. Sauro, measuringusability.com/wald.htm.
 *
 * @example
 * ```ts
 * agrestiCoullInterval(4, 5) //=> { lower: 0.35963, upper: 0.97968, … } (rounded)
 * ```
 * @category Statistics
 */
export function agrestiCoullInterval(
  successes: number,
  trials: number,
  options?: AgrestiCoullIntervalOptions,
): ConfidenceInterval | null {
  const level = _proportionArguments('agrestiCoullInterval', successes, trials, options)
  if (trials === 0) return null
  const z = _criticalZ(level)
  const adjustedTrials = trials + z * z
  const adjusted = (successes + (z * z) / 2) / adjustedTrials
  const half = z * Math.sqrt((adjusted * (1 - adjusted)) / adjustedTrials)
  return { lower: _clip01(adjusted - half), upper: _clip01(adjusted + half), level, method: 'agresti-coull' }
}
