import { _integer, _level, _oneOf, _options } from '../core/_assert.ts'
import type { ConfidenceInterval } from '../core/result.ts'
import { _binomial } from './_binomial.ts'
import { _npsCounts, type NpsCounts } from './_npsCounts.ts'
import { _npsWald } from './_npsWald.ts'
import { _seededRandom } from './_random.ts'
import { quantileSorted } from './quantileSorted.ts'
import { studentTQuantile } from './studentTQuantile.ts'

/**
 * How an NPS interval is computed.
 * - `'adjusted-wald'` (default): add 0.75 promoters and 0.75 detractors and 3 respondents, then Wald on
 *   the adjusted shares; centred on the adjusted NPS (MeasuringU; Rocks 2016).
 * - `'wald'`: NPS ± z·√(Var/n), clipped to −100…100 (Rocks' R package `nps_test`).
 * - `'trinomial-t'`: the t-interval of the mean of the −1/0/+1 scores (sample SD with n − 1).
 * - `'bootstrap'`: percentile interval of NPS over `resamples` trinomial resamples drawn with a seeded
 *   generator (reproducible).
 * @category Statistics
 */
export type NpsIntervalMethod = 'adjusted-wald' | 'wald' | 'trinomial-t' | 'bootstrap'

/**
 * Options of {@link npsInterval}.
 * @category Statistics
 */
export interface NpsIntervalOptions {
  /**
   * The interval's method.
   * @defaultValue 'adjusted-wald'
   */
  readonly method?: NpsIntervalMethod
  /**
   * Confidence level.
   * @defaultValue 0.95
   */
  readonly level?: number
  /**
   * Number of bootstrap resamples (method `'bootstrap'`), at least 1,000.
   * @defaultValue 2000
   */
  readonly resamples?: number
  /**
   * Seed of the bootstrap's generator (method `'bootstrap'`); the same seed gives the same interval.
   * @defaultValue 1
   */
  readonly seed?: number
}

const METHODS: readonly NpsIntervalMethod[] = ['adjusted-wald', 'wald', 'trinomial-t', 'bootstrap']

/**
 * The confidence interval of a Net Promoter Score from its bucket counts, in NPS points (−100…100).
 * Empty counts (n = 0) give `null`; so does `'trinomial-t'` with n = 1.
 *
 * Source: spec §1.4 — brendan-r/NPS `nps_test` (Wald); measuringu.com/nps-confidence-intervals
 * (adjusted Wald, bootstrap); arXiv 1601.07235 (Rocks 2016).
 *
 * @example
 * ```ts
 * npsInterval({ promoters: 50, passives: 33, detractors: 17 }, { method: 'wald' })
 * //=> { lower: 18.32, upper: 47.68, level: 0.95, method: 'wald' } (rounded)
 * ```
 * @category Statistics
 */
export function npsInterval(counts: NpsCounts, options?: NpsIntervalOptions): ConfidenceInterval | null {
  const fn = 'npsInterval'
  const n = _npsCounts(fn, 'counts', counts)
  const o = _options(fn, options, ['method', 'level', 'resamples', 'seed'])
  const method = o.method === undefined ? 'adjusted-wald' : _oneOf(fn, 'options.method', o.method, METHODS)
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  const resamples =
    o.resamples === undefined ? 2000 : _integer(fn, 'options.resamples', o.resamples, 1000, 1e7)
  const seed = o.seed === undefined ? 1 : _integer(fn, 'options.seed', o.seed, 0, 2 ** 32 - 1)
  if (n === 0) return null
  if (method === 'adjusted-wald' || method === 'wald')
    return _npsWald(counts, n, level, method === 'adjusted-wald')
  const clip = (x: number): number => 100 * Math.max(-1, Math.min(1, x))
  const p = counts.promoters / n
  const d = counts.detractors / n
  const score = p - d
  const variance = p + d - score * score
  if (method === 'trinomial-t') {
    if (n < 2) return null
    const half = studentTQuantile(0.5 + level / 2, n - 1) * Math.sqrt(variance / (n - 1))
    return { lower: clip(score - half), upper: clip(score + half), level, method }
  }
  // Bootstrap: resampling n respondents with replacement is a multinomial draw of the three counts,
  // done as two binomial draws so that the cost does not grow with n.
  const random = _seededRandom(seed)
  const scores = new Float64Array(resamples)
  const total = Math.round(n)
  const detractorGivenNotPromoter = p < 1 ? d / (1 - p) : 0
  for (let i = 0; i < resamples; i++) {
    const promoters = _binomial(total, p, random)
    const detractors = _binomial(total - promoters, detractorGivenNotPromoter, random)
    scores[i] = (promoters - detractors) / total
  }
  scores.sort()
  const alpha = 1 - level
  return {
    lower: clip(quantileSorted(scores, alpha / 2) as number),
    upper: clip(quantileSorted(scores, 1 - alpha / 2) as number),
    level,
    method,
  }
}
