import type { ConfidenceInterval } from '../core/result.ts'
import { _criticalZ } from './_critical.ts'
import { _adjustedShares, type NpsCounts } from './_npsCounts.ts'

/**
 * The Wald or adjusted-Wald interval of NPS in points (spec §1.4), for n > 0: NPS ± z·√(Var/n) with
 * Var = p + d − (p − d)², on the raw shares or on the shares with 0.75 promoters, 0.75 detractors and
 * 3 respondents added. Clipped to −100…100.
 */
export function _npsWald(counts: NpsCounts, n: number, level: number, adjusted: boolean): ConfidenceInterval {
  const [p, d, size] = adjusted
    ? _adjustedShares(counts, n)
    : [counts.promoters / n, counts.detractors / n, n]
  const centre = p - d
  const half = _criticalZ(level) * Math.sqrt((p + d - centre * centre) / size)
  const clip = (x: number): number => 100 * Math.max(-1, Math.min(1, x))
  return {
    lower: clip(centre - half),
    upper: clip(centre + half),
    level,
    method: adjusted ? 'adjusted-wald' : 'wald',
  }
}
