import { normalCdf } from './normalCdf.ts'
import { normalQuantile } from './normalQuantile.ts'

/** The two-sided critical value z_{1−α/2} of a confidence level. */
export function _criticalZ(level: number): number {
  return normalQuantile(0.5 + level / 2)
}

/** Two-sided p-value of a standard normal statistic, 2·Φ(−|z|), computed in the tail. */
export function _twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)))
}
