import { _level, _number, _options, _typeError } from '../core/_assert.ts'
import type { SampleSummary } from './meanInterval.ts'
import type { SignificanceTest } from './significance.ts'
import { studentTCdf } from './studentTCdf.ts'
import { studentTQuantile } from './studentTQuantile.ts'

/**
 * Options of {@link welchTest}.
 * @category Statistics
 */
export interface WelchTestOptions {
  /**
   * Confidence level of the interval of the difference.
   * @defaultValue 0.95
   */
  readonly level?: number
}

function summary(fn: string, arg: string, s: SampleSummary): void {
  if (s === null || typeof s !== 'object')
    throw _typeError(fn, arg, 'an object { n, mean, standardDeviation }', s)
  _number(fn, `${arg}.n`, s.n, 0)
  _number(fn, `${arg}.mean`, s.mean)
  _number(fn, `${arg}.standardDeviation`, s.standardDeviation, 0)
}

/**
 * Whether two independent means differ (mean CSAT or CES of two periods), without assuming equal
 * variances: t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂) with Welch–Satterthwaite degrees of freedom, the
 * two-sided p-value and the t-interval of the difference (unit of the data). A sample with fewer than
 * two observations gives `statistic: null`.
 *
 * Source: B. L. Welch (1947); scipy `ttest_ind(equal_var=False)`; spec §15.
 *
 * @example
 * ```ts
 * welchTest({ n: 50, mean: 3.5, standardDeviation: 1.2164 }, { n: 107, mean: 3.7383, standardDeviation: 1.4349 })
 * ```
 * @category Statistics
 */
export function welchTest(a: SampleSummary, b: SampleSummary, options?: WelchTestOptions): SignificanceTest {
  const fn = 'welchTest'
  summary(fn, 'a', a)
  summary(fn, 'b', b)
  const o = _options(fn, options, ['level'])
  const level = o.level === undefined ? 0.95 : _level(fn, o.level)
  const method = 'welch-t'
  const difference = a.n > 0 && b.n > 0 ? a.mean - b.mean : null
  if (difference === null || a.n < 2 || b.n < 2) {
    return { method, difference, statistic: null, degreesOfFreedom: null, pValue: null, ci: null }
  }
  const va = (a.standardDeviation * a.standardDeviation) / a.n
  const vb = (b.standardDeviation * b.standardDeviation) / b.n
  const standardError = Math.sqrt(va + vb)
  if (!(standardError > 0)) {
    return { method, difference, statistic: null, degreesOfFreedom: null, pValue: null, ci: null }
  }
  const degreesOfFreedom = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1))
  const statistic = difference / standardError
  const half = studentTQuantile(0.5 + level / 2, degreesOfFreedom) * standardError
  return {
    method,
    difference,
    statistic,
    degreesOfFreedom,
    pValue: Math.min(1, 2 * studentTCdf(-Math.abs(statistic), degreesOfFreedom)),
    ci: { lower: difference - half, upper: difference + half, level, method },
  }
}
