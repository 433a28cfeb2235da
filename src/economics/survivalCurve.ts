import { _integer } from '../core/_assert.ts'
import { _sbgArgument, _survival, type ShiftedBetaGeometricParameters } from './_sbg.ts'

/**
 * S(0), S(1), …, S(periodCount): the share of a cohort still active after each period under the
 * shifted-beta-geometric model, projected as far as asked (Fader & Hardie 2007, eq. 4). Multiply by the
 * cohort's size for counts.
 *
 * @example
 * ```ts
 * survivalCurve({ alpha: 0.704, beta: 1.182 }, 12) // [1, 0.627…, …]
 * ```
 * @category Economics
 */
export function survivalCurve(params: ShiftedBetaGeometricParameters, periodCount: number): number[] {
  _sbgArgument('survivalCurve', params)
  return _survival(params, _integer('survivalCurve', 'periodCount', periodCount, 0))
}
