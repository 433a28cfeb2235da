import { _rangeError } from '../core/_assert.ts'
import { _stirlingCorrection, logGamma } from './logGamma.ts'

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for 0 ≤ x ≤ 1 and a, b > 0
 * (a RangeError otherwise). It is the CDF of the Beta(a, b) distribution and underlies the Student t
 * distribution and the Clopper–Pearson interval.
 *
 * Evaluated by the continued fraction of Numerical Recipes §6.4 (modified Lentz), on whichever of
 * I_x(a, b) and 1 − I_{1−x}(b, a) converges fast; relative error about 1e−14.
 *
 * Written by hand: a small, dependency-free special function.
 *
 * @example
 * ```ts
 * regularizedIncompleteBeta(0.5, 2, 3) //=> 0.6875
 * ```
 * @category Statistics
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  const fn = 'regularizedIncompleteBeta'
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw _rangeError(fn, 'x', 'a number between 0 and 1', x)
  if (typeof a !== 'number' || !(a > 0 && a < Number.POSITIVE_INFINITY))
    throw _rangeError(fn, 'a', 'a finite number above 0', a)
  if (typeof b !== 'number' || !(b > 0 && b < Number.POSITIVE_INFINITY))
    throw _rangeError(fn, 'b', 'a finite number above 0', b)
  return _incompleteBeta(x, 1 - x, a, b)
}

/**
 * I_x(a, b), given both x and y = 1 − x so that callers who know y more precisely than 1 − x
 * (the t distribution far in its tails) keep that precision.
 */
export function _incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1) || Number.isNaN(y)) return Number.NaN
  if (x === 0) return 0
  if (y === 0 || x === 1) return 1
  // log1p keeps the precision of the logarithm of a number close to 1, as x is for the far tails of t.
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y)
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x)
  const logFront = a * logX + b * logY - _logBeta(a, b)
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * continuedFraction(x, a, b)) / a
  return 1 - (Math.exp(logFront) * continuedFraction(y, b, a)) / b
}

/**
 * The continued fraction 1/(1 + d₁/(1 + d₂/(1 + …))) of Numerical Recipes (6.4.5), with
 * d₂ₖ₊₁ = −(a + k)(a + b + k)x / ((a + 2k)(a + 2k + 1)) and d₂ₖ = k(b − k)x / ((a + 2k − 1)(a + 2k)),
 * by the modified Lentz method.
 */
function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300
  let f = 1
  let c = 1
  let d = 0
  for (let j = 1; j <= 200_000; j++) {
    const k = j >> 1
    const term =
      j & 1
        ? (-(a + k) * (a + b + k) * x) / ((a + 2 * k) * (a + 2 * k + 1))
        : (k * (b - k) * x) / ((a + 2 * k - 1) * (a + 2 * k))
    d = 1 + term * d
    c = 1 + term / c
    d = 1 / (Math.abs(d) < tiny ? tiny : d)
    if (Math.abs(c) < tiny) c = tiny
    const delta = c * d
    f *= delta
    if (!(j & 1) && Math.abs(delta - 1) < 1e-16) break
  }
  return 1 / f
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When the larger argument is big, ln Γ(a) − ln Γ(a + b)
 * is taken from Stirling's series as a difference, −(a − ½)·log1p(b/a) − b·ln(a + b) + b + S(a) − S(a + b),
 * which avoids subtracting two large, nearly equal numbers.
 */
export function _logBeta(a: number, b: number): number {
  const large = Math.max(a, b)
  const small = Math.min(a, b)
  if (large < 10) return logGamma(a) + logGamma(b) - logGamma(a + b)
  const sum = large + small
  const ratio =
    -(large - 0.5) * Math.log1p(small / large) -
    small * Math.log(sum) +
    small +
    _stirlingCorrection(large) -
    _stirlingCorrection(sum)
  return logGamma(small) + ratio
}
