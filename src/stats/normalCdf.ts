import { _typeError } from '../core/_assert.ts'

const LOG_SQRT_2PI = 0.9189385332046728 // ln(sqrt(2π))

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * For |x| < 3 it sums Marsaglia's series Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + …); further out it
 * evaluates the upper tail through Laplace's continued fraction for the Mills ratio, which keeps the
 * relative precision of tail probabilities (Φ(−10) ≈ 7.6e−24). Absolute error below 1e−15.
 *
 * Written by hand: no maintained, tree-shakeable package provides it at this accuracy.
 * Source: G. Marsaglia, "Evaluating the Normal Distribution", J. Stat. Software 11(4), 2004.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054) //=> 0.975
 * ```
 * @category Statistics
 */
export function normalCdf(x: number): number {
  if (typeof x !== 'number' || Number.isNaN(x)) throw _typeError('normalCdf', 'x', 'a number', x)
  const absolute = Math.abs(x)
  if (absolute < 3) return 0.5 + _normalSeries(x) * Math.exp(-0.5 * x * x - LOG_SQRT_2PI)
  if (absolute === Number.POSITIVE_INFINITY) return x > 0 ? 1 : 0
  const tail = _normalUpperTail(absolute)
  return x > 0 ? 1 - tail : tail
}

/** Marsaglia's series x + x³/3 + x⁵/(3·5) + …, so that Φ(x) = ½ + φ(x) times it (for |x| < 3). */
export function _normalSeries(x: number): number {
  const x2 = x * x
  let term = x
  let sum = x
  for (let k = 3; k < 200; k += 2) {
    term *= x2 / k
    const next = sum + term
    if (next === sum) break
    sum = next
  }
  return sum
}

/** Q(x) = 1 − Φ(x) for x ≥ 3, by the modified Lentz method on x + 1/(x + 2/(x + 3/(x + …))). */
export function _normalUpperTail(x: number): number {
  const tiny = 1e-300
  let f = x
  let c = x
  let d = 0
  for (let j = 1; j < 1000; j++) {
    d = x + j * d
    d = d === 0 ? 1 / tiny : 1 / d
    c = x + j / c
    if (c === 0) c = tiny
    const delta = c * d
    f *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI) / f
}
