import { _number } from '../core/_assert.ts'
import { _bgnbdArgument, _conditional, type BgNbdParameters } from './_bgnbd.ts'
import { _customerArgument, type RfmInput } from './_rfm.ts'

/**
 * E[Y(t) | x, t_x, T]: how many purchases a customer with this history is expected to make in the next
 * `t` time units under the BG/NBD model (Fader, Hardie & Lee 2005, eq. 10). With the published CDNOW
 * parameters, a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in the
 * next 39 weeks.
 *
 * @example
 * ```ts
 * conditionalExpectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, 39) // 1.226
 * ```
 * @category Economics
 */
export function conditionalExpectedPurchases(params: BgNbdParameters, customer: RfmInput, t: number): number {
  const fn = 'conditionalExpectedPurchases'
  _bgnbdArgument(fn, params)
  _customerArgument(fn, customer)
  _number(fn, 't', t, 0)
  return _conditional(params, customer.frequency, customer.recency, customer.T, t)
}
