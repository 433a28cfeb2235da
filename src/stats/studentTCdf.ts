import { _rangeError, _typeError } from '../core/_assert.ts'
import { normalCdf } from './normalCdf.ts'
import { _incompleteBeta } from './regularizedIncompleteBeta.ts'

/**
 * The cumulative distribution function of Student's t distribution with `degreesOfFreedom` ν > 0
 * (any real ν; `Infinity` gives the normal): P(T ≤ t) = 1 − ½·I_x(ν/2, ½) for t ≥ 0 with x = ν/(ν + t²),
 * and ½·I_x(ν/2, ½) for t < 0. A RangeError when ν is not above 0, a TypeError when t is not a number.
 *
 * @example
 * ```ts
 * studentTCdf(2.2281388519649385, 10) //=> 0.975
 * ```
 * @category Statistics
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (typeof t !== 'number' || Number.isNaN(t)) throw _typeError('studentTCdf', 't', 'a number', t)
  if (typeof degreesOfFreedom !== 'number' || !(degreesOfFreedom > 0))
    throw _rangeError('studentTCdf', 'degreesOfFreedom', 'a number above 0', degreesOfFreedom)
  // Beyond 1e15 degrees of freedom t is the normal distribution to round-off (and ν + t² would overflow).
  if (degreesOfFreedom > 1e15) return normalCdf(t)
  if (t === Number.POSITIVE_INFINITY) return 1
  if (t === Number.NEGATIVE_INFINITY) return 0
  const lower = _studentTLowerTail(Math.abs(t), degreesOfFreedom)
  return t < 0 ? lower : 1 - lower
}

/** P(T ≤ −s) for s ≥ 0, computed without cancellation. */
export function _studentTLowerTail(s: number, degreesOfFreedom: number): number {
  // Half the smallest subnormal is 0: as ν → 0 the mass moves to ±∞, and P(T ≤ −s) → ½ for finite s.
  if (degreesOfFreedom / 2 === 0) return 0.5
  // x = ν / (ν + s²) and 1 − x = s² / (ν + s²), as ratios that do not overflow for any finite s.
  const q = degreesOfFreedom / s / s // ν / s², Infinity for s = 0 (or s tiny)
  const x = q === Number.POSITIVE_INFINITY ? 1 : q / (1 + q)
  const y = q === Number.POSITIVE_INFINITY ? 0 : 1 / (1 + q)
  return 0.5 * _incompleteBeta(x, y, degreesOfFreedom / 2, 0.5)
}
