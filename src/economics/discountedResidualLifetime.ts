import { _integer, _number } from '../core/_assert.ts'
import { _hypergeometric } from '../stats/_hypergeometric.ts'
import { logGamma } from '../stats/logGamma.ts'
import { _sbgArgument, type ShiftedBetaGeometricParameters } from './_sbg.ts'

/**
 * DERL: the discounted expected residual lifetime, in periods, of a customer who has made `renewals`
 * renewals, under the shifted-beta-geometric model — the number of further payments to expect, each
 * discounted at `discountRate` per period. Multiply by the margin per period for the customer's residual
 * value. DERL = (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)) for n renewals (Fader &
 * Hardie 2010, "Customer-base valuation in a contractual setting", eq. 6).
 *
 * With no discounting the series converges only when α > 1; otherwise the expected lifetime is infinite
 * and the result is `null`.
 *
 * @example
 * ```ts
 * discountedResidualLifetime({ alpha: 0.668, beta: 3.806 }, 0, 0.1)
 * ```
 * @category Economics
 */
export function discountedResidualLifetime(
  params: ShiftedBetaGeometricParameters,
  renewals: number,
  discountRate: number,
): number | null {
  const fn = 'discountedResidualLifetime'
  _sbgArgument(fn, params)
  const n = _integer(fn, 'renewals', renewals, 0)
  const d = _number(fn, 'discountRate', discountRate, 0)
  const { alpha, beta } = params
  const a = 1
  const b = beta + n + 1
  const c = alpha + beta + n + 1
  const lead = (beta + n) / (alpha + beta + n)
  if (d > 0) return lead * _hypergeometric(a, b, c, 1 / (1 + d))
  // Gauss's theorem at z = 1, when c − a − b = α − 1 > 0.
  if (alpha <= 1) return null
  return lead * Math.exp(logGamma(c) + logGamma(c - a - b) - logGamma(c - a) - logGamma(c - b))
}
