import { _number, _rangeError } from '../core/_assert.ts'

/**
 * The variance of the per-respondent NPS score (+1 promoter, 0 passive, −1 detractor), given the
 * promoter share `p` and detractor share `d` (proportions, 0…1, with p + d ≤ 1): Var = p + d − (p − d)².
 * The standard error of NPS on the −1…1 scale is √(Var / n); multiply by 100 for points.
 *
 * Source: spec §1.4 (Rocks `npvar`; whuber, stats.stackexchange.com/a/18609).
 *
 * @example
 * ```ts
 * npsVariance(1 / 2, 1 / 6) //=> 0.5555… (5/9)
 * ```
 * @category Statistics
 */
export function npsVariance(promoterShare: number, detractorShare: number): number {
  _number('npsVariance', 'promoterShare', promoterShare, 0, 1)
  _number('npsVariance', 'detractorShare', detractorShare, 0, 1)
  if (promoterShare + detractorShare > 1 + 1e-12) {
    throw _rangeError(
      'npsVariance',
      'promoterShare + detractorShare',
      'at most 1',
      promoterShare + detractorShare,
    )
  }
  const difference = promoterShare - detractorShare
  return promoterShare + detractorShare - difference * difference
}
