import { normalCdf } from './normalCdf.ts'
import { _incompleteBeta } from './regularizedIncompleteBeta.ts'

/**
 * The cumulative distribution function of Student's t distribution with `degreesOfFreedom` ν > 0
 * (any real ν; `Infinity` gives the normal): P(T ≤ t) = 1 − ½·I_x(ν/2, ½) for t ≥ 0 with x = ν/(ν + t²),
 * and ½·I_x(ν/2, ½) for t < 0. NaN when ν is not positive.
 *
 * @example
 * ```ts
 * studentTCdf(2.2281388519649385, 10) //=> 0.975
 * ```
 * @category Statistics
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t) || !(degreesOfFreedom > 0)) return Number.NaN
  if (degreesOfFreedom === Number.POSITIVE_INFINITY) return normalCdf(t)
  if (t === Number.POSITIVE_INFINITY) return 1
  if (t === Number.NEGATIVE_INFINITY) return 0
  const lower = _studentTLowerTail(Math.abs(t), degreesOfFreedom)
  return t < 0 ? lower : 1 - lower
}

/** P(T ≤ −s) for s ≥ 0, computed without cancellation. */
export function _studentTLowerTail(s: number, degreesOfFreedom: number): number {
  const s2 = s * s
  const denominator = degreesOfFreedom + s2
  return 0.5 * _incompleteBeta(degreesOfFreedom / denominator, s2 / denominator, degreesOfFreedom / 2, 0.5)
}
