import { _level, _oneOf, _options } from '../core/_assert.ts'
import { _criticalZ, _twoSidedNormalP } from './_critical.ts'
import { _adjustedShares, _npsCounts, type NpsCounts } from './_npsCounts.ts'
import type { SignificanceTest } from './significance.ts'

/**
 * Options of {@link npsTest}.
 * @category Statistics
 */
export interface NpsTestOptions {
  /**
   * `'adjusted-wald'` (default) uses the adjusted shares (0.75 added to promoters and detractors, 3 to
   * n) for the statistic and the interval; `'wald'` the raw shares.
   * @defaultValue 'adjusted-wald'
   */
  readonly method?: 'adjusted-wald' | 'wald'
  /**
   * Confidence level of the interval of the difference.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/**
 * Whether two independent NPS measurements differ (this quarter vs last, two segments): the two-sample
 * z-test z = (NPS_a − NPS_b) / √(Var_a/n_a + Var_b/n_b) with Var = p + d − (p − d)², two-sided
 * p = 2Φ(−|z|). `difference` is NPS_a − NPS_b in points on the raw scores; the interval of the
 * difference (points) is centred on the adjusted difference for `'adjusted-wald'`. The samples must be
 * independent: the same respondents in both periods break the test.
 *
 * Source: spec §1.4 — measuringu.com/nps-significance-test; brendan-r/NPS `nps_test`.
 *
 * @example
 * ```ts
 * npsTest({ promoters: 50, passives: 33, detractors: 17 }, { promoters: 40, passives: 30, detractors: 30 })
 * ```
 * @category Statistics
 */
export function npsTest(a: NpsCounts, b: NpsCounts, options?: NpsTestOptions): SignificanceTest {
  const fn = 'npsTest'
  const na = _npsCounts(fn, 'a', a)
  const nb = _npsCounts(fn, 'b', b)
  const o = _options(fn, options, ['method', 'level'])
  const variant =
    o.method === undefined
      ? 'adjusted-wald'
      : _oneOf(fn, 'options.method', o.method, ['adjusted-wald', 'wald'])
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  const method = `nps-${variant}-z`
  if (na === 0 || nb === 0) {
    return { method, difference: null, statistic: null, degreesOfFreedom: null, pValue: null, ci: null }
  }
  const difference = (100 * (a.promoters - a.detractors)) / na - (100 * (b.promoters - b.detractors)) / nb
  const [pa, da, ma] = variant === 'wald' ? [a.promoters / na, a.detractors / na, na] : _adjustedShares(a, na)
  const [pb, db, mb] = variant === 'wald' ? [b.promoters / nb, b.detractors / nb, nb] : _adjustedShares(b, nb)
  const scoreA = pa - da
  const scoreB = pb - db
  const standardError = Math.sqrt((pa + da - scoreA * scoreA) / ma + (pb + db - scoreB * scoreB) / mb)
  const centre = scoreA - scoreB
  const statistic = standardError > 0 ? centre / standardError : null
  const half = _criticalZ(level) * standardError
  return {
    method,
    difference,
    statistic,
    degreesOfFreedom: null,
    pValue: statistic === null ? null : _twoSidedNormalP(statistic),
    ci: { lower: 100 * (centre - half), upper: 100 * (centre + half), level, method },
  }
}
