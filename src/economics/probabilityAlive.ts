import { _alive, _bgnbdArgument, type BgNbdParameters } from './_bgnbd.ts'
import { _customerArgument, type RfmInput } from './_rfm.ts'

/**
 * P(alive | x, t_x, T): the probability that a customer with this history has not dropped out, under the
 * BG/NBD model. A customer without repeat purchases is alive with probability 1 (in BG/NBD, dropout can
 * only follow a purchase). Source: Fader, Hardie & Lee (2005); Hardie's note 021.
 *
 * @example
 * ```ts
 * probabilityAlive(model, { frequency: 2, recency: 30.43, T: 38.86 })
 * ```
 * @category Economics
 */
export function probabilityAlive(params: BgNbdParameters, customer: RfmInput): number {
  _bgnbdArgument('probabilityAlive', params)
  _customerArgument('probabilityAlive', customer)
  return _alive(params, customer.frequency, customer.recency, customer.T)
}
