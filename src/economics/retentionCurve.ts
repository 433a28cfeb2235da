import { _integer } from '../core/_assert.ts'
import { _sbgArgument, type ShiftedBetaGeometricParameters } from './_sbg.ts'

/**
 * r(1), …, r(periodCount): the retention rate of each period under the shifted-beta-geometric model,
 * r(t) = (β + t − 1)/(α + β + t − 1) — rising over time as the customers most likely to churn leave
 * (Fader & Hardie 2007, eq. 8).
 *
 * @example
 * ```ts
 * retentionCurve({ alpha: 0.668, beta: 3.806 }, 12)
 * ```
 * @category Economics
 */
export function retentionCurve(params: ShiftedBetaGeometricParameters, periodCount: number): number[] {
  _sbgArgument('retentionCurve', params)
  const n = _integer('retentionCurve', 'periodCount', periodCount, 0)
  const { alpha, beta } = params
  return Array.from({ length: n }, (_, i) => (beta + i) / (alpha + beta + i))
}
