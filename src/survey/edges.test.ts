// NPS, CSAT and CES beyond their worked examples: the fast paths over arrays (with and without an accessor,
// a bad value in the middle of a run), their option refusals by name, the default low-sample
// thresholds, and merges of a state with itself. Expected values are counted by hand from the rows.
import { describe, expect, it } from 'vitest'
import { accumulate } from '../core/accumulate.ts'
import { fold } from '../core/fold.ts'
import { ces, cesAggregator } from './ces.ts'
import { csat, csatAggregator } from './csat.ts'
import { nps, npsAggregator } from './nps.ts'

describe('nps over arrays, the fast path and the slow one', () => {
  it('counts a run broken by a value off the scale, between points or of another type', () => {
    // 10, 9 promoters; 8, 7 passives; 3, 0 detractors; 11, 7.5 and '9 ' left out.
    const scores = [10, 8, 3, 11, 9, 7.5, 0, 7, '9 x']
    const r = nps(scores as never[])
    expect(r).toMatchObject({ n: 6, promoters: 2, passives: 2, detractors: 2, value: 0 })
    expect(r.promoterShare).toBe(2 / 6)
    expect(r.passiveShare).toBe(2 / 6)
    expect(r.detractorShare).toBe(2 / 6)
    expect(r.measure).toBe('nps')
  })
  it('through an accessor', () => {
    const rows = [{ s: 10 }, { s: 8 }, { s: 3 }, { s: 'x' }, { s: 9 }, { s: 6 }, { s: 7 }]
    // Promoters 10, 9; passives 8, 7; detractors 3, 6.
    const r = nps(rows, (x) => x.s as never)
    expect(r).toMatchObject({ n: 6, promoters: 2, passives: 2, detractors: 2, value: 0 })
    // 'x' is not a score.
    expect(r.excluded).toMatchObject({ invalid: 1, offScale: 0, nonInteger: 0, missing: 0 })
  })
  it('gives no shares without answers', () => {
    expect(nps([])).toMatchObject({ promoterShare: null, passiveShare: null, detractorShare: null })
  })
  it('custom buckets: checked in order, the bounds inclusive where the definition says', () => {
    const buckets = (b: object) => npsAggregator({ buckets: { min: 1, max: 5, ...b } as never })
    const message = 'nps expected `options.buckets` to be min ≤ detractorMax < promoterMin ≤ max'
    expect(() => buckets({ detractorMax: 3, promoterMin: 3 })).toThrow(message)
    expect(() => buckets({ detractorMax: 0, promoterMin: 4 })).toThrow(message)
    expect(() => buckets({ detractorMax: 2, promoterMin: 6 })).toThrow(message)
    // min = detractorMax and promoterMin = max are allowed: 1 detractor, 2–4 passive, 5 promoter.
    const r = fold(buckets({ detractorMax: 1, promoterMin: 5 }), [1, 2, 4, 5, 5])
    expect(r).toMatchObject({ definition: 'custom', detractors: 1, passives: 2, promoters: 2, value: 20 })
  })
  it('merges a state with itself as two copies of its answers', () => {
    const agg = npsAggregator()
    const s = accumulate(agg, [10, 9, 0, 7])
    expect(agg.result(agg.merge(s, s))).toMatchObject({ n: 8, promoters: 4, detractors: 2, value: 25 })
  })
})

describe('csat refuses what it cannot read, by name', () => {
  it('a custom scale and its thresholds', () => {
    expect(() => csat([1], { scale: { min: 'a', max: 5 } as never })).toThrow(
      'csat expected `options.scale.min`',
    )
    expect(() =>
      csat([1], { scale: { min: 1, max: 1 }, satisfiedThreshold: 1, dissatisfiedThreshold: 1 }),
    ).toThrow('csat expected `options.scale.max`')
    const missing =
      'csat expected `options.satisfiedThreshold` to be given (with dissatisfiedThreshold) for a custom scale'
    expect(() => csat([1], { scale: { min: 1, max: 7 } })).toThrow(missing)
    expect(() => csat([1], { scale: { min: 1, max: 7 }, satisfiedThreshold: 6 })).toThrow(missing)
    expect(() => csat([1], { scale: { min: 1, max: 7 }, dissatisfiedThreshold: 2 })).toThrow(missing)
  })
  it('thresholds off the scale, or not in order', () => {
    expect(() => csat([1], { scale: '1-5', satisfiedThreshold: 9 })).toThrow(
      'csat expected `options.satisfiedThreshold`',
    )
    expect(() => csat([1], { scale: '1-5', dissatisfiedThreshold: 0 })).toThrow(
      'csat expected `options.dissatisfiedThreshold`',
    )
    expect(() => csat([1], { scale: '1-5', satisfiedThreshold: 3, dissatisfiedThreshold: 3 })).toThrow(
      'csat expected `options.dissatisfiedThreshold` to be below the satisfied threshold 3, got `3`',
    )
  })
})

describe('csat results', () => {
  it('reads a binary scale: true and good satisfied, false and bad not', () => {
    const r = csat([true, 'good', false, 'bad', 'meh'] as never[], { scale: 'binary' })
    expect(r).toMatchObject({ n: 4, satisfied: 2, dissatisfied: 2, value: 0.5, kind: 'result' })
    expect(r.ratingScale).toEqual({ min: 0, max: 1 })
  })
  it('the mean, with its standard deviation and t interval; normalised by the top of the scale', () => {
    // 1…5: mean 3, sd √2.5; t(0.975, 4) = 2.776445105, half-width 2.776445105·√2.5/√5 = 1.963243.
    const mean = csat([1, 2, 3, 4, 5], { method: 'mean' })
    expect(mean.value).toBe(3)
    expect(mean.standardDeviation).toBeCloseTo(Math.sqrt(2.5), 12)
    expect(mean.ci).toMatchObject({ method: 't' })
    expect(mean.ci?.lower).toBeCloseTo(3 - 1.963243, 5)
    expect(mean.ci?.upper).toBeCloseTo(3 + 1.963243, 5)
    const normalized = csat([1, 2, 3, 4, 5], { method: 'normalized-mean' })
    expect(normalized.value).toBe(0.6)
    expect(normalized.standardDeviation).toBeCloseTo(Math.sqrt(2.5) / 5, 12)
    expect(normalized.ratingScale).toEqual({ min: 1, max: 5 })
  })
  it('measures from minN answers on, not from minN + 1', () => {
    expect(csat([5, 5, 5], { minN: 3 }).value).toBe(1)
    expect(csat([5, 5], { minN: 3 }).value).toBeNull()
  })
  it('flags a low sample by the default half-width: 0.1 for a share, 5 % of the range for a mean', () => {
    // On 1–5 the range is 4: 0.2 for the mean, 0.2 / 5 = 0.04 for the normalised mean.
    const cases = [
      ['top-box', 0.1],
      ['mean', 0.2],
      ['normalized-mean', 0.04],
    ] as const
    for (const [method, threshold] of cases) {
      const seen = new Set<boolean>()
      for (const n of [8, 40, 120, 400, 1600, 6400]) {
        const scores = Array.from({ length: n }, (_, i) => 1 + (i % 5))
        const r = csat(scores, { method })
        const half = ((r.ci?.upper as number) - (r.ci?.lower as number)) / 2
        expect(r.lowSample, `${method}, n = ${n}`).toBe(half > threshold)
        seen.add(r.lowSample)
      }
      expect(seen.size, method).toBe(2)
    }
  })
  it('merges a state with itself, moments included, and never states of another scale', () => {
    const agg = csatAggregator({ method: 'mean' })
    const s = accumulate(agg, [1, 2, 3, 4, 5])
    const twice = agg.result(agg.merge(s, s))
    const doubled = csat([1, 2, 3, 4, 5, 1, 2, 3, 4, 5], { method: 'mean' })
    expect(twice.value).toBe(doubled.value)
    expect(twice.standardDeviation).toBeCloseTo(doubled.standardDeviation as number, 12)
    expect(twice.n).toBe(10)
    // Same thresholds, another scale: not one computation.
    const wide = csatAggregator({
      scale: { min: 1, max: 7 },
      satisfiedThreshold: 4,
      dissatisfiedThreshold: 2,
    })
    const narrow = csatAggregator({ scale: '1-5' })
    expect(() => narrow.merge(accumulate(narrow, [5]), accumulate(wide, [5]))).toThrow()
  })
})

describe('ces refuses what it cannot read, by name', () => {
  const custom = { min: 0, max: 10, higherIsBetter: true }
  it('a custom version and its thresholds', () => {
    expect(() => ces([1], { version: { ...custom, min: 'a' } as never })).toThrow(
      'ces expected `options.version.min`',
    )
    expect(() =>
      ces([1], { version: { ...custom, max: 0 }, easyThreshold: 0, difficultThreshold: 0 }),
    ).toThrow('ces expected `options.version.max`')
    expect(() =>
      ces([1], { version: { min: 0, max: 10 } as never, easyThreshold: 8, difficultThreshold: 2 }),
    ).toThrow('ces expected `options.version.higherIsBetter` to be a boolean, got `undefined`')
    const missing =
      'ces expected `options.easyThreshold` to be given (with difficultThreshold) for a custom version'
    expect(() => ces([1], { version: custom })).toThrow(missing)
    expect(() => ces([1], { version: custom, easyThreshold: 8 })).toThrow(missing)
    expect(() => ces([1], { version: custom, difficultThreshold: 2 })).toThrow(missing)
  })
  it('thresholds off the scale, or on the wrong side of each other', () => {
    expect(() => ces([1], { easyThreshold: 9 })).toThrow('ces expected `options.easyThreshold`')
    expect(() => ces([1], { difficultThreshold: 0 })).toThrow('ces expected `options.difficultThreshold`')
    // CES 2.0, higher is better: difficult must lie below easy (5); 1.0, lower is better: above it (2).
    expect(() => ces([1], { difficultThreshold: 5 })).toThrow(
      'ces expected `options.difficultThreshold` to be on the difficult side of the easy threshold 5, got `5`',
    )
    expect(() => ces([1], { version: '1.0', difficultThreshold: 2 })).toThrow(
      'ces expected `options.difficultThreshold` to be on the difficult side of the easy threshold 2, got `2`',
    )
    expect(() => ces([1], { version: '1.0', difficultThreshold: 1 })).toThrow(RangeError)
  })
})

describe('ces results', () => {
  it('a custom version: the thresholds given, both inclusive', () => {
    // 0–10, easy from 8, difficult up to 2: 8 and 10 easy, 2 and 0 difficult, 5 neutral.
    const r = ces([8, 10, 2, 0, 5], {
      version: { min: 0, max: 10, higherIsBetter: true },
      easyThreshold: 8,
      difficultThreshold: 2,
      method: 'percent-easy',
    })
    expect(r).toMatchObject({ version: 'custom', easy: 2, difficult: 2, neutral: 1, value: 2 / 5 })
    expect(r.measure).toBe('proportion')
    expect(r.kind).toBe('result')
    // Fractional scores are read on a custom scale.
    expect(
      ces([7.5], {
        version: { min: 0, max: 10, higherIsBetter: true },
        easyThreshold: 8,
        difficultThreshold: 2,
      }).n,
    ).toBe(1)
  })
  it('the measure of each method, and its mean even where the value is not one', () => {
    const scores = [7, 6, 5, 4, 1]
    // CES 2.0: easy 7, 6, 5; neutral 4; difficult 1. Net: 100 × (3 − 1) / 5 = 40.
    const net = ces(scores, { method: 'net' })
    expect(net).toMatchObject({ measure: 'points', value: 40, mean: 23 / 5, standardDeviation: null })
    expect(net.ci).toMatchObject({ method: 'trinomial-wald' })
    expect(ces(scores, { method: 'mean' })).toMatchObject({ measure: 'mean', value: 23 / 5 })
    expect(ces([])).toMatchObject({ mean: null, value: null, n: 0 })
  })
  it('measures from minN answers on', () => {
    expect(ces([7, 7], { minN: 2, method: 'percent-easy' }).value).toBe(1)
    expect(ces([7], { minN: 2, method: 'percent-easy' }).value).toBeNull()
  })
  it('flags a low sample by the default half-width: 5 % of the range for a mean, 10 points net, 0.1 a share', () => {
    const cases = [
      ['mean', 0.3],
      ['net', 10],
      ['percent-easy', 0.1],
    ] as const
    for (const [method, threshold] of cases) {
      const seen = new Set<boolean>()
      for (const n of [8, 40, 120, 400, 1600, 6400]) {
        const scores = Array.from({ length: n }, (_, i) => 1 + (i % 7))
        const r = ces(scores, { method })
        const half = ((r.ci?.upper as number) - (r.ci?.lower as number)) / 2
        expect(r.lowSample, `${method}, n = ${n}`).toBe(half > threshold)
        seen.add(r.lowSample)
      }
      expect(seen.size, method).toBe(2)
    }
  })
  it('merges a state with itself, and never a state of another version', () => {
    const agg = cesAggregator({ method: 'percent-easy' })
    const s = accumulate(agg, [7, 1, 5])
    expect(agg.result(agg.merge(s, s))).toMatchObject({ n: 6, easy: 4, difficult: 2, neutral: 0 })
    const old = cesAggregator({ version: '1.0' })
    expect(() => agg.merge(accumulate(agg, [7]), accumulate(old, [1]) as never)).toThrow(
      'ces: cannot merge a CES 2.0 state with a CES 1.0 state',
    )
  })
})
