import { _level, _options } from '../core/_assert.ts'
import { _twoSidedNormalP } from './_critical.ts'
import { _proportionSample, type ProportionSample } from './_sample.ts'
import { newcombeInterval } from './newcombeInterval.ts'
import type { SignificanceTest } from './significance.ts'

/**
 * Options of {@link twoProportionTest}.
 * @category Statistics
 */
export interface TwoProportionTestOptions {
  /**
   * Confidence level of the interval of the difference.
   * @defaultValue 0.95
   */
  readonly level?: number
}

/**
 * Whether two independent proportions differ (CSAT this month vs last, FCR of two teams): the pooled
 * two-proportion z-test, z = (p₁ − p₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) with p̄ = (x₁ + x₂)/(n₁ + n₂),
 * two-sided p = 2Φ(−|z|), and Newcombe's interval of the difference. `difference` is p₁ − p₂ as a
 * proportion (multiply by 100 for points). An empty sample gives `difference: null`; a pooled share of
 * 0 or 1 gives `statistic: null` (no variation to test).
 *
 * Source: spec §15 (example: 74/107 vs 60/100 gives z = 1.3782, p = 0.1681).
 *
 * @example
 * ```ts
 * twoProportionTest({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })
 * //=> { method: 'two-proportion-z', difference: 0.0916, statistic: 1.3782, pValue: 0.1681, … } (rounded)
 * ```
 * @category Statistics
 */
export function twoProportionTest(
  a: ProportionSample,
  b: ProportionSample,
  options?: TwoProportionTestOptions,
): SignificanceTest {
  const fn = 'twoProportionTest'
  _proportionSample(fn, 'a', a)
  _proportionSample(fn, 'b', b)
  const o = _options(fn, options, ['level'])
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  const method = 'two-proportion-z'
  if (a.trials === 0 || b.trials === 0) {
    return { method, difference: null, statistic: null, degreesOfFreedom: null, pValue: null, ci: null }
  }
  const difference = a.successes / a.trials - b.successes / b.trials
  const pooled = (a.successes + b.successes) / (a.trials + b.trials)
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials))
  const statistic = standardError > 0 ? difference / standardError : null
  return {
    method,
    difference,
    statistic,
    degreesOfFreedom: null,
    pValue: statistic === null ? null : _twoSidedNormalP(statistic),
    ci: newcombeInterval(a, b, { level }),
  }
}
