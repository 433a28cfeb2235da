import { _rangeError } from '../core/_assert.ts'

const HALF_LOG_2PI = 0.9189385332046728

/**
 * ln Γ(x) for finite x > 0 (a RangeError otherwise).
 *
 * Shifts x up to at least 10 with Γ(x) = Γ(x + k) / (x(x+1)…(x+k−1)), then sums Stirling's series
 * with its exact Bernoulli coefficients; absolute error about 1e−15.
 *
 * Written by hand: a small, dependency-free special function.
 *
 * @example
 * ```ts
 * logGamma(0.5) //=> 0.5723649429247 (ln √π)
 * ```
 * @category Statistics
 */
export function logGamma(x: number): number {
  if (typeof x !== 'number' || !(x > 0 && x < Number.POSITIVE_INFINITY))
    throw _rangeError('logGamma', 'x', 'a finite number above 0', x)
  let shift = 0
  while (x < 10) {
    shift += Math.log(x)
    x += 1
  }
  const value = (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + _stirlingCorrection(x) - shift
  if (!Number.isFinite(value))
    throw _rangeError('logGamma', 'x', 'a number whose ln Γ is finite (below about 2.5e305)', x)
  return value
}

/** The tail of Stirling's series, ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π), for x ≥ 10. */
export function _stirlingCorrection(x: number): number {
  const inverse = 1 / x
  const inverse2 = inverse * inverse
  return (
    inverse *
    (1 / 12 +
      inverse2 *
        (-1 / 360 +
          inverse2 *
            (1 / 1260 +
              inverse2 * (-1 / 1680 + inverse2 * (1 / 1188 + inverse2 * (-691 / 360360 + inverse2 / 156))))))
  )
}
