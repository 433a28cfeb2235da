// Expected values: the spec's §3.5 worked examples (sources cited there) and hand computations shown.
import { describe, expect, it } from 'vitest'
import { accumulate } from '../core/accumulate.ts'
import { isKpiError } from '../core/isKpiError.ts'
import { ces, cesAggregator } from './ces.ts'
import { reverseScale } from './reverseScale.ts'

const counts = (spec: [score: number, times: number][]): number[] =>
  spec.flatMap(([score, times]) => Array.from({ length: times }, () => score))
// E1: 350 responses on 1–7 summing to 1,850, of which 210 are 6 or 7 (built as 210 × 6, 100 × 5, 10 × 3, 30 × 2).
const e1 = counts([
  [6, 210],
  [5, 100],
  [3, 10],
  [2, 30],
])
// E2: 500 respondents, 230 low effort, 120 high effort (built as 230 × 7, 150 × 4, 120 × 1).
const e2 = counts([
  [7, 230],
  [4, 150],
  [1, 120],
])

describe('ces', () => {
  it('E1: the mean of CES 2.0 scores is 5.2857', () => {
    const result = ces(e1)
    expect(result.value).toBeCloseTo(5.2857, 4)
    expect(result).toMatchObject({
      n: 350,
      version: '2.0',
      method: 'mean',
      higherIsBetter: true,
      measure: 'mean',
    })
    expect(result.ci?.method).toBe('t')
  })
  it('E1: the low-effort (6–7) share is 60 %', () => {
    expect(ces(e1, { method: 'percent-easy', easyThreshold: 6 }).value).toBeCloseTo(0.6, 12)
  })
  it('counts 5 and up as agree by default ("at least somewhat agree")', () => {
    const result = ces(e1, { method: 'percent-easy' })
    expect(result.value).toBeCloseTo(310 / 350, 12)
    expect(result.ci?.method).toBe('wilson')
  })
  it('E2: net effort is 46 % − 24 % = +22 points', () => {
    const result = ces(e2, { method: 'net' })
    expect(result.value).toBeCloseTo(22, 12)
    expect(result).toMatchObject({ easy: 230, neutral: 150, difficult: 120, measure: 'points' })
    // Trinomial variance: a = 0.46, d = 0.24, Var = 0.70 − 0.22² = 0.6516; half-width 1.959964·√(0.6516/500) = 7.0756 points
    expect(((result.ci?.upper ?? 0) - (result.ci?.lower ?? 0)) / 2).toBeCloseTo(
      100 * 1.959964 * Math.sqrt(0.6516 / 500),
      3,
    )
  })
  it('keeps neutral (4 on 1–7) in the denominator but in neither side', () => {
    expect(ces([4, 4, 7, 1], { method: 'net' })).toMatchObject({ value: 0, neutral: 2 })
  })
  it('reads CES 1.0 as effort, lower is better', () => {
    const result = ces([1, 2, 3, 4, 5], { version: '1.0', method: 'net' })
    expect(result).toMatchObject({
      version: '1.0',
      higherIsBetter: false,
      easy: 2,
      neutral: 1,
      difficult: 2,
      value: 0,
    })
    expect(ces([1, 2, 2, 5], { version: '1.0' }).value).toBe(2.5)
    expect(ces([6], { version: '1.0' }).excluded.offScale).toBe(1)
  })
  it('takes custom versions with their thresholds', () => {
    const version = { min: 0, max: 10, higherIsBetter: true }
    expect(
      ces([10, 8, 5, 2], { version, easyThreshold: 8, difficultThreshold: 3, method: 'net' }).value,
    ).toBe(25)
    expect(() => ces([], { version })).toThrow(TypeError)
    expect(() => ces([], { difficultThreshold: 6 })).toThrow(RangeError)
    expect(() => ces([], { version: '3.0' as never })).toThrow(RangeError)
  })
  it('never mixes versions: a response tagged 1.0 in a 2.0 computation is an error', () => {
    const tagged = [
      { score: 6, version: '2.0' },
      { score: 2, version: '1.0' },
    ]
    try {
      ces(tagged, (r) => r)
      expect.unreachable()
    } catch (error) {
      expect(isKpiError(error) && error.code === 'incompatible-input' && error.index === 1).toBe(true)
      expect((error as Error).message).toContain('CES 1.0 but the computation is CES 2.0')
    }
    expect(ces(tagged.slice(0, 1), (r) => r).value).toBe(6)
  })
  it('refuses to merge states of different versions', () => {
    const two = cesAggregator()
    const one = cesAggregator({ version: '1.0' })
    expect(() => two.merge(accumulate(two, [6]), accumulate(one, [2]))).toThrow(
      expect.objectContaining({ code: 'incompatible-state' }),
    )
  })
  it('converts 1.0 into the 2.0 direction only through an explicit transform', () => {
    expect(reverseScale(2, 1, 5)).toBe(4)
    expect(
      ces(
        [1, 2, 5].map((x) => reverseScale(x, 1, 5)),
        { version: { min: 1, max: 5, higherIsBetter: true }, easyThreshold: 4, difficultThreshold: 2 },
      ).value,
    ).toBeCloseTo(10 / 3, 12)
    expect(() => reverseScale(6, 1, 5)).toThrow(RangeError)
    // Each argument named when it is wrong: the bounds, and a score off them.
    expect(() => reverseScale(6, 1, 5)).toThrow('reverseScale expected `score` to be')
    expect(() => reverseScale(2, Number.NaN, 5)).toThrow('reverseScale expected `min` to be')
    expect(() => reverseScale(2, 1, 0)).toThrow('reverseScale expected `max` to be')
  })
  it('counts bad responses and gives null for none or below minN', () => {
    expect(ces([8, 0, 5.5, null, 'x'] as never[]).excluded).toMatchObject({
      offScale: 2,
      nonInteger: 1,
      missing: 1,
      invalid: 1,
    })
    expect(ces([]).value).toBeNull()
    expect(ces([7, 7], { minN: 3 })).toMatchObject({ value: null, lowSample: true })
  })
  it('uses the level and the low-sample threshold', () => {
    expect(ces(e1, { level: 0.99 }).ci?.level).toBe(0.99)
    expect(ces(e1).lowSample).toBe(false) // ± 0.12 < 0.3
    expect(ces(e1, { lowSampleHalfWidth: 0.1 }).lowSample).toBe(true)
  })
})
