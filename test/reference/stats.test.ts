// Statistics against scipy: every expected value below comes from test/fixtures/scipy-stats.json,
// written by test/reference/scipy-stats.py (scipy, not this library).

import {
  clopperPearsonInterval,
  logGamma,
  meanInterval,
  normalCdf,
  normalQuantile,
  quantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  welchTest,
  wilsonInterval,
} from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import reference from '../fixtures/scipy-stats.json' with { type: 'json' }

/** |actual − expected| within `absolute` or within `relative` of |expected|. */
function close(actual: number | null | undefined, expected: number, relative: number, absolute = 0): void {
  expect(actual).toBeTypeOf('number')
  const error = Math.abs((actual as number) - expected)
  if (error > absolute && error > relative * Math.abs(expected)) {
    expect.fail(`${actual} differs from ${expected} by ${error}`)
  }
}

describe('normalCdf(x) against scipy.stats.norm.cdf', () => {
  it.each(reference.normalCdf)('Φ(%d)', (x, expected) => close(normalCdf(x), expected, 1e-12, 1e-16))
})

describe('normalQuantile(p) against scipy.stats.norm.ppf', () => {
  it.each(reference.normalQuantile)('Φ⁻¹(%d)', (p, expected) =>
    close(normalQuantile(p), expected, 1e-12, 1e-12),
  )
  it('gives z(0.975) = 1.959963985 (spec §15)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 9)
  })
})

describe('logGamma(x) against scipy.special.gammaln', () => {
  it.each(reference.logGamma)('ln Γ(%d)', (x, expected) => close(logGamma(x), expected, 1e-13, 1e-14))
})

describe('regularizedIncompleteBeta(x, a, b) against scipy.special.betainc', () => {
  it.each(reference.regularizedIncompleteBeta)('I_%d(%d, %d)', (x, a, b, expected) =>
    close(regularizedIncompleteBeta(x, a, b), expected, 1e-11, 1e-15),
  )
})

describe('studentTCdf(t, df) against scipy.stats.t.cdf', () => {
  it.each(reference.studentTCdf)('F(%d; %d)', (t, df, expected) =>
    close(studentTCdf(t, df), expected, 1e-10, 1e-15),
  )
})

describe('studentTQuantile(p, df) against scipy.stats.t.ppf', () => {
  it.each(reference.studentTQuantile)('F⁻¹(%d; %d)', (p, df, expected) =>
    close(studentTQuantile(p, df), expected, 1e-9, 1e-12),
  )
})

describe('proportion intervals against scipy binomtest(...).proportion_ci', () => {
  it.each(reference.proportion95)('$x/$n at 95 %', ({ x, n, wilson, exact }) => {
    const w = wilsonInterval(x, n)
    close(w?.lower, wilson[0] as number, 1e-9, 1e-12)
    close(w?.upper, wilson[1] as number, 1e-9, 1e-12)
    const cp = clopperPearsonInterval(x, n)
    close(cp?.lower, exact[0] as number, 1e-8, 1e-12)
    close(cp?.upper, exact[1] as number, 1e-8, 1e-12)
  })
  it.each(reference.proportionLevels)('$x/$n at level $level', ({ x, n, level, wilson, exact }) => {
    const w = wilsonInterval(x, n, { level })
    close(w?.lower, wilson[0] as number, 1e-9)
    close(w?.upper, wilson[1] as number, 1e-9)
    const cp = clopperPearsonInterval(x, n, { level })
    close(cp?.lower, exact[0] as number, 1e-8)
    close(cp?.upper, exact[1] as number, 1e-8)
  })
})

describe('welchTest against scipy.stats.ttest_ind_from_stats(equal_var=False)', () => {
  it.each(reference.welch)('$a vs $b', ({ a, b, t, p, df, ci }) => {
    const [na, ma, sa] = a as [number, number, number]
    const [nb, mb, sb] = b as [number, number, number]
    const test = welchTest(
      { n: na, mean: ma, standardDeviation: sa },
      { n: nb, mean: mb, standardDeviation: sb },
    )
    close(test.statistic, t, 1e-10)
    close(test.pValue, p, 1e-9)
    close(test.degreesOfFreedom, df, 1e-10)
    close(test.ci?.lower, ci[0] as number, 1e-9)
    close(test.ci?.upper, ci[1] as number, 1e-9)
  })
})

describe('meanInterval against scipy.stats.t.interval', () => {
  it('reproduces the CSAT E1 t-interval [3.154, 3.846] (spec §2.5)', () => {
    const { n, mean, sd, ci } = reference.meanIntervalCsatE1
    const interval = meanInterval({ n, mean, standardDeviation: sd })
    close(interval?.lower, ci[0] as number, 1e-10)
    close(interval?.upper, ci[1] as number, 1e-10)
    expect(interval?.lower).toBeCloseTo(3.154, 3)
    expect(interval?.upper).toBeCloseTo(3.846, 3)
  })
})

describe('quantile against numpy.quantile', () => {
  const { data, values } = reference.quantile
  it.each(values)('p = %d (linear = type 7, nearest rank = inverted_cdf)', (p, linear, nearest) => {
    close(quantile(data, p), linear, 1e-12, 1e-12)
    close(quantile(data, p, { method: 'nearest-rank' }), nearest, 0, 0)
  })
})
