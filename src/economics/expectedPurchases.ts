import { _number } from '../core/_assert.ts'
import { _bgnbdArgument, _conditional, type BgNbdParameters } from './_bgnbd.ts'

/**
 * E[X(t)]: the expected number of repeat purchases in the first `t` time units of a randomly chosen new
 * customer under the BG/NBD model (Fader, Hardie & Lee 2005, eq. 9) — the curve to compare with a
 * cohort's cumulative repeat purchases.
 *
 * @example
 * ```ts
 * expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39)
 * ```
 * @category Economics
 */
export function expectedPurchases(params: BgNbdParameters, t: number): number {
  _bgnbdArgument('expectedPurchases', params)
  _number('expectedPurchases', 't', t, 0)
  return _conditional(params, 0, 0, 0, t)
}
