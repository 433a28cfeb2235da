import { _rangeError } from '../core/_assert.ts'
import { _betaQuantile } from './_betaQuantile.ts'
import { normalQuantile } from './normalQuantile.ts'

/**
 * The quantile of Student's t distribution: the t with P(T ≤ t) = p, for ν = `degreesOfFreedom` > 0.
 * `studentTQuantile(0.975, 49)` is the 2.0096 of a 95 % t-interval over 50 observations.
 *
 * Closed forms for ν = 1 and ν = 2; otherwise through the inverse regularized incomplete beta, since
 * P(|T| > s) = I_x(ν/2, ½) with x = ν/(ν + s²) — solved for x in the tails and for 1 − x near the
 * centre, so both keep their precision (relative error about 1e−12). A RangeError for p outside (0, 1) or ν ≤ 0.
 *
 * @example
 * ```ts
 * studentTQuantile(0.975, 10) //=> 2.2281388520 (R: qt(0.975, 10) = 2.228138851964938)
 * ```
 * @category Statistics
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  const nu = degreesOfFreedom
  if (typeof p !== 'number' || !(p > 0 && p < 1))
    throw _rangeError('studentTQuantile', 'p', 'a probability between 0 and 1 (exclusive)', p)
  if (typeof nu !== 'number' || !(nu > 0))
    throw _rangeError('studentTQuantile', 'degreesOfFreedom', 'a number above 0', nu)
  if (nu === Number.POSITIVE_INFINITY) return normalQuantile(p)
  // The median is 0 at every ν; below the smallest ν whose half is above 0 every other quantile is ±∞.
  if (p === 0.5) return 0
  if (nu / 2 === 0) throw infinite(p, nu)
  const sign = p < 0.5 ? -1 : 1
  const tail = 2 * (p < 0.5 ? p : 1 - p) // P(|T| > s)
  let s: number
  if (nu === 1) s = 1 / Math.tan((Math.PI * tail) / 2)
  else if (nu === 2) s = (1 - tail) / Math.sqrt((tail * (2 - tail)) / 2)
  else if (tail < 0.5) {
    const x = _betaQuantile(tail, nu / 2, 0.5)
    s = Math.sqrt((nu * (1 - x)) / x)
  } else {
    const y = _betaQuantile(1 - tail, 0.5, nu / 2) // y = 1 − x = s²/(ν + s²)
    s = Math.sqrt((nu * y) / (1 - y))
  }
  if (!Number.isFinite(s)) throw infinite(p, nu)
  return sign * s
}

function infinite(p: number, nu: number): RangeError {
  return _rangeError(
    'studentTQuantile',
    'p',
    `a probability whose quantile at ${nu} degrees of freedom is finite`,
    p,
  )
}
