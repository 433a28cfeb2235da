// Expected values: the spec's §2.5 worked examples (sources cited there) and hand computations shown.
import { describe, expect, it } from 'vitest'
import { roundForDisplay } from '../core/roundForDisplay.ts'
import { compare } from '../time/compare.ts'
import { csat } from './csat.ts'
import { responseRate } from './responseRate.ts'

const counts = (spec: Record<number, number>): number[] =>
  Object.entries(spec).flatMap(([score, times]) => Array.from({ length: times }, () => Number(score)))
// E1 (Intercom VoC): 5→10, 4→20, 3→10, 2→5, 1→5, n = 50.
const e1 = counts({ 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 })
// E2 (Delighted): 5→42, 4→32, 3→10, 2→9, 1→14, n = 107.
const e2 = counts({ 5: 42, 4: 32, 3: 10, 2: 9, 1: 14 })

describe('csat', () => {
  it('E1: top-2-box 60 %, Wilson 95 % [46.18 %, 72.39 %]', () => {
    const result = csat(e1)
    expect(result).toMatchObject({
      value: 0.6,
      n: 50,
      satisfied: 30,
      neutral: 10,
      dissatisfied: 10,
      method: 'top-box',
      measure: 'proportion',
    })
    expect(result.ci?.lower).toBeCloseTo(0.4618, 4)
    expect(result.ci?.upper).toBeCloseTo(0.7239, 4)
    expect(result.mean).toBe(3.5)
  })
  it('E1: mean 3.50 with the 95 % t-interval [3.154, 3.846]', () => {
    const result = csat(e1, { method: 'mean' })
    expect(result.value).toBe(3.5)
    expect(result.measure).toBe('mean')
    expect(result.ci?.lower).toBeCloseTo(3.154, 3)
    expect(result.ci?.upper).toBeCloseTo(3.846, 3)
    expect(result.standardDeviation).toBeCloseTo(1.2163847404233143, 12)
  })
  it('E2: 74/107 = 69.1589 %, displayed 69; mean 3.7383; Wilson [59.87 %, 77.12 %]', () => {
    const result = csat(e2)
    expect(result.value).toBeCloseTo(0.691589, 6)
    expect(roundForDisplay(100 * (result.value ?? 0))).toBe(69)
    expect(result.mean).toBeCloseTo(3.7383, 4)
    expect(result.ci?.lower).toBeCloseTo(0.5987, 4)
    expect(result.ci?.upper).toBeCloseTo(0.7712, 4)
  })
  it('E6: 4 of 5 satisfied with the Agresti–Coull interval gives [35.96 %, 97.97 %]', () => {
    const result = csat([5, 4, 5, 4, 2], { interval: 'agresti-coull' })
    expect(result.value).toBe(0.8)
    expect(result.ci?.method).toBe('agresti-coull')
    expect(result.ci?.lower).toBeCloseTo(0.3596, 4)
    expect(result.ci?.upper).toBeCloseTo(0.9797, 4)
    expect(csat([5, 4, 5, 4, 2], { interval: 'none' }).ci).toBeNull()
  })
  it('leaves neutral responses out only when asked: E1 gives 30 / (30 + 10) = 0.75', () => {
    const result = csat(e1, { neutral: 'exclude' })
    expect(result.value).toBe(0.75)
    expect(result.n).toBe(40)
  })
  it('computes Zendesk’s good / (good + bad), where 3 on 1–5 is bad', () => {
    const result = csat(e1, { method: 'binary' })
    expect(result.value).toBe(0.6)
    expect(result.dissatisfied).toBe(20)
    // On 1–3, 1–2 are bad and 3 is good; on the binary scale, booleans and 'good'/'bad'.
    expect(csat([3, 3, 2, 1], { scale: '1-3', method: 'binary' }).value).toBe(0.5)
    expect(
      csat([true, 'good', false, 'bad', 'good', null], { scale: 'binary', method: 'binary' }),
    ).toMatchObject({
      value: 0.6,
      n: 5,
    })
  })
  it('computes the normalised mean, sum / (n × max): E1 gives 175 / 250 = 0.7', () => {
    expect(csat(e1, { method: 'normalized-mean' }).value).toBeCloseTo(0.7, 12)
  })
  it('has no ACSI method: the index is its own KPI, acsi', () => {
    expect(() => csat([], { method: 'acsi' as never })).toThrow('csat expected `options.method` to be one of')
  })
  it.each([
    ['1-3', [3, 2, 1, 3], 0.5],
    ['1-7', [7, 6, 5, 4], 0.5],
    ['1-10', [10, 9, 8, 1], 0.5],
    ['0-10', [0, 9, 10, 8], 0.5],
  ] as const)('uses the satisfied threshold of the %s scale', (scale, scores, expected) => {
    expect(csat(scores, { scale }).value).toBe(expected)
  })
  it('takes custom scales and thresholds', () => {
    expect(
      csat([1, 2, 3, 4], {
        scale: { min: 1, max: 4 },
        satisfiedThreshold: 3,
        dissatisfiedThreshold: 1,
      }).value,
    ).toBe(0.5)
    expect(csat(e1, { satisfiedThreshold: 5 }).value).toBe(0.2)
    expect(csat(e1, { dissatisfiedThreshold: 1, neutral: 'exclude' }).value).toBeCloseTo(30 / 35, 12)
    expect(() => csat([], { scale: { min: 1, max: 4 } })).toThrow(TypeError)
    expect(() => csat([], { satisfiedThreshold: 2, dissatisfiedThreshold: 3 })).toThrow(RangeError)
  })
  it('counts off-scale, fractional and unanswered ratings, and never counts them as 0', () => {
    const result = csat([5, 0, 6, 4.5, null, undefined, 'x'])
    expect(result.n).toBe(1)
    expect(result.excluded).toMatchObject({ missing: 2, invalid: 1, offScale: 2, nonInteger: 1 })
  })
  it('gives null without responses, and below minN', () => {
    expect(csat([])).toMatchObject({ value: null, ci: null, mean: null })
    expect(csat([5, 4], { minN: 3 })).toMatchObject({ value: null, lowSample: true })
  })
  it('flags an interval wider than ± 10 points (shares) by default, or than the threshold given', () => {
    expect(csat(e1).lowSample).toBe(true) // ± 13 points
    expect(csat(e1, { lowSampleHalfWidth: 0.15 }).lowSample).toBe(false)
    expect(csat(e1, { method: 'mean' }).lowSample).toBe(true) // ± 0.35 > 0.2
  })
  it('compares two months in points with the two-proportion test (spec §15: 74/107 vs 60/100)', () => {
    const thisMonth = csat(e2)
    const lastMonth = csat(counts({ 5: 30, 4: 30, 3: 20, 2: 10, 1: 10 }))
    const c = compare(thisMonth, lastMonth)
    expect(c.change).toBeCloseTo(100 * (74 / 107 - 0.6), 10)
    expect(c.test?.statistic).toBeCloseTo(1.3782, 4)
    expect(c.test?.pValue).toBeCloseTo(0.1681, 4)
  })
})

describe('responseRate', () => {
  it('is answered / offered with the Wilson interval (74 of 107: [0.59872, 0.77118])', () => {
    const offers = [
      ...Array.from({ length: 74 }, () => ({ answered: true })),
      ...Array.from({ length: 33 }, () => ({ answered: false })),
    ]
    const result = responseRate(offers, (o) => o.answered)
    expect(result).toMatchObject({
      kpi: 'responseRate',
      answered: 74,
      offered: 107,
      n: 107,
      measure: 'proportion',
    })
    expect(result.ci?.lower).toBeCloseTo(0.59872, 5)
    expect(result.ci?.upper).toBeCloseTo(0.77118, 5)
  })
  it('counts offers it cannot read, and gives null for none', () => {
    const result = responseRate([{ a: true }, { a: null }, { a: 'yes' }], (o) => o.a as boolean | null)
    expect(result.excluded).toEqual({ missing: 1, invalid: 1 })
    expect(responseRate([], () => true).value).toBeNull()
    expect(responseRate([{}], () => true, { minN: 2 }).value).toBeNull()
    expect(responseRate([true, false, true]).value).toBeCloseTo(2 / 3, 12)
  })
})

describe('roundForDisplay', () => {
  it('rounds half away from zero', () => {
    expect(roundForDisplay(-12.5)).toBe(-13)
    expect(roundForDisplay(12.5)).toBe(13)
    expect(roundForDisplay(1.005, 2)).toBe(1.01)
    expect(roundForDisplay(-0.4)).toBe(-0)
    expect(roundForDisplay(null)).toBeNull()
    expect(() => roundForDisplay(1, 1.5)).toThrow(RangeError)
  })
})
