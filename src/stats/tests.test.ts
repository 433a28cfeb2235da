// Two-sample tests against the spec's §15 example and hand computations (shown), checked with scipy.
import { describe, expect, it } from 'vitest'
import { meanInterval } from './meanInterval.ts'
import { newcombeInterval } from './newcombeInterval.ts'
import { npsTest } from './npsTest.ts'
import { twoProportionTest } from './twoProportionTest.ts'
import { welchTest } from './welchTest.ts'

describe('twoProportionTest', () => {
  it('reproduces spec §15: 74/107 vs 60/100 gives z = 1.3782, p = 0.1681, Newcombe [−0.0382, 0.2178]', () => {
    const test = twoProportionTest({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })
    expect(test.method).toBe('two-proportion-z')
    expect(test.difference).toBeCloseTo(74 / 107 - 0.6, 12)
    expect(test.statistic).toBeCloseTo(1.3782, 4)
    expect(test.pValue).toBeCloseTo(0.1681, 4)
    expect(test.ci?.lower).toBeCloseTo(-0.0382, 4)
    expect(test.ci?.upper).toBeCloseTo(0.2178, 4)
    expect(test.degreesOfFreedom).toBeNull()
  })
  it('is antisymmetric in its samples', () => {
    const ab = twoProportionTest({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })
    const ba = twoProportionTest({ successes: 60, trials: 100 }, { successes: 74, trials: 107 })
    expect(ba.statistic).toBeCloseTo(-(ab.statistic ?? 0), 12)
    expect(ba.pValue).toBeCloseTo(ab.pValue ?? 0, 12)
  })
  it('has no statistic when nothing varies, and no difference when a sample is empty', () => {
    expect(twoProportionTest({ successes: 5, trials: 5 }, { successes: 9, trials: 9 }).statistic).toBeNull()
    expect(twoProportionTest({ successes: 0, trials: 0 }, { successes: 9, trials: 9 })).toMatchObject({
      difference: null,
      ci: null,
    })
  })
  it('uses the level for the interval', () => {
    const at99 = twoProportionTest(
      { successes: 74, trials: 107 },
      { successes: 60, trials: 100 },
      { level: 0.99 },
    )
    expect(at99.ci?.level).toBe(0.99)
    expect(at99.ci?.lower).toBeLessThan(-0.0382)
  })
})

describe('newcombeInterval', () => {
  it('gives the spec §15 interval directly', () => {
    const ci = newcombeInterval({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })
    expect(ci?.lower).toBeCloseTo(-0.0382, 4)
    expect(ci?.upper).toBeCloseTo(0.2178, 4)
  })
  it('is null when a sample is empty', () => {
    expect(newcombeInterval({ successes: 0, trials: 0 }, { successes: 1, trials: 2 })).toBeNull()
  })
  it('uses the level', () => {
    const at99 = newcombeInterval(
      { successes: 74, trials: 107 },
      { successes: 60, trials: 100 },
      { level: 0.99 },
    )
    expect(at99?.level).toBe(0.99)
    expect(at99?.lower).toBeLessThan(-0.0382)
  })
})

// A = (50 promoters, 33 passives, 17 detractors), B = (40, 30, 30): NPS 33 vs 10, difference 23 points.
// Wald:          Var_A = 0.67 − 0.33² = 0.5611, Var_B = 0.70 − 0.10² = 0.69, SE = √(0.005611 + 0.0069)
//                z = 0.23 / SE = 2.05628, p = 0.03976, 95 % CI [1.0773, 44.9227] points
// adjusted Wald: p'_A = 50.75/103, d'_A = 17.75/103, p'_B = 40.75/103, d'_B = 30.75/103
//                z = 2.02932, p = 0.04243, 95 % CI [0.7632, 43.8970] points
describe('npsTest', () => {
  const a = { promoters: 50, passives: 33, detractors: 17 }
  const b = { promoters: 40, passives: 30, detractors: 30 }
  it('defaults to the adjusted-Wald z test', () => {
    const test = npsTest(a, b)
    expect(test.method).toBe('nps-adjusted-wald-z')
    expect(test.difference).toBeCloseTo(23, 10)
    expect(test.statistic).toBeCloseTo(2.0293180284258776, 8)
    expect(test.pValue).toBeCloseTo(0.042425908198340696, 8)
    expect(test.ci?.lower).toBeCloseTo(0.7631541787336604, 6)
    expect(test.ci?.upper).toBeCloseTo(43.897039996023615, 6)
  })
  it('runs the Wald test when asked', () => {
    const test = npsTest(a, b, { method: 'wald' })
    expect(test.method).toBe('nps-wald-z')
    expect(test.statistic).toBeCloseTo(2.0562779759505627, 8)
    expect(test.pValue).toBeCloseTo(0.03975572993072092, 8)
    expect(test.ci?.lower).toBeCloseTo(1.07729685789085, 6)
    expect(test.ci?.upper).toBeCloseTo(44.922703142109135, 6)
  })
  it('uses the level', () => {
    expect(npsTest(a, b, { level: 0.9 }).ci?.lower).toBeGreaterThan(0.7631541787336604)
  })
  it('gives nulls when a group is empty', () => {
    expect(npsTest(a, { promoters: 0, passives: 0, detractors: 0 })).toMatchObject({
      difference: null,
      statistic: null,
      pValue: null,
    })
  })
})

describe('welchTest', () => {
  it('has no statistic below two observations per group', () => {
    const test = welchTest({ n: 1, mean: 3, standardDeviation: 0 }, { n: 5, mean: 4, standardDeviation: 1 })
    expect(test.difference).toBe(-1)
    expect(test.statistic).toBeNull()
  })
  it('uses the level', () => {
    const a = { n: 12, mean: 5.1, standardDeviation: 0.9 }
    const b = { n: 15, mean: 4.4, standardDeviation: 1.6 }
    expect(welchTest(a, b, { level: 0.8 }).ci?.lower).toBeGreaterThan(welchTest(a, b).ci?.lower ?? 0)
  })
})

describe('meanInterval', () => {
  // CSAT E1: mean 3.5, s = 1.2163847, n = 50; at 99 % the half-width is t(0.995, 49)·s/√50 = 2.679952·0.172023
  it('uses the level', () => {
    const ci = meanInterval({ n: 50, mean: 3.5, standardDeviation: 1.2163847404233143 }, { level: 0.99 })
    expect(ci?.level).toBe(0.99)
    expect((ci?.upper ?? 0) - 3.5).toBeCloseTo(2.6799519 * (1.2163847404233143 / Math.sqrt(50)), 5)
  })
  it('is null below two observations', () => {
    expect(meanInterval({ n: 1, mean: 3, standardDeviation: 0 })).toBeNull()
  })
})
