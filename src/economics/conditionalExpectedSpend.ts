import { _typeError } from '../core/_assert.ts'
import { _gammaGammaArgument, _spend, type GammaGammaParameters } from './_gammaGamma.ts'
import type { RfmInput } from './_rfm.ts'

/**
 * E[M | x, m_x]: the expected value of a customer's future transactions under the Gamma-Gamma model — a
 * weighted mean of the population mean p γ / (q − 1) and the customer's own mean m_x, with more weight
 * on m_x the more purchases it rests on (Fader & Hardie 2013, eq. 5). A customer without repeat purchases
 * gets the population mean.
 *
 * @example
 * ```ts
 * conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 })
 * ```
 * @category Economics
 */
export function conditionalExpectedSpend(params: GammaGammaParameters, customer: RfmInput): number {
  const fn = 'conditionalExpectedSpend'
  _gammaGammaArgument(fn, params)
  const x = customer?.frequency
  const m = customer?.monetaryValue ?? 0
  if (
    typeof x !== 'number' ||
    !Number.isInteger(x) ||
    x < 0 ||
    typeof m !== 'number' ||
    !Number.isFinite(m) ||
    m < 0
  ) {
    throw _typeError(fn, 'customer', 'an object { frequency (whole, ≥ 0), monetaryValue (≥ 0) }', customer)
  }
  return _spend(params, x, m)
}
