// Expected values: the spec's §1.5 worked examples (sources cited there) and hand computations shown.
import { describe, expect, it } from 'vitest'
import { fold } from '../core/fold.ts'
import { isKpiError } from '../core/isKpiError.ts'
import { npsInterval } from '../stats/npsInterval.ts'
import { accountLevel } from './accountLevel.ts'
import { nps, npsAggregator } from './nps.ts'

const repeat = (score: number, times: number): number[] => Array.from({ length: times }, () => score)
const responses = (promoters: number, passives: number, detractors: number): number[] => [
  ...repeat(10, promoters),
  ...repeat(8, passives),
  ...repeat(3, detractors),
]

describe('nps', () => {
  it('E1: 30 % promoters and 20 % detractors give +10', () => {
    expect(nps(responses(30, 50, 20)).value).toBeCloseTo(10, 12)
  })
  it('E2: 100 promoters, 30 passives, 80 detractors give 9.5238 (passives in the denominator)', () => {
    const result = nps(responses(100, 30, 80))
    expect(result.value).toBeCloseTo(9.5238, 4)
    expect(result).toMatchObject({ n: 210, promoters: 100, passives: 30, detractors: 80 })
  })
  it('E3: one response each of 0…10 gives −45.4545…', () => {
    const result = nps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(result.value).toBeCloseTo(-45.45454545454545, 12)
    expect(result.promoterShare).toBeCloseTo(2 / 11, 12)
    expect(result.detractorShare).toBeCloseTo(7 / 11, 12)
  })
  it('E4: 40 % promoters, 55 % passives, 5 % detractors give 35', () => {
    expect(nps(responses(40, 55, 5)).value).toBeCloseTo(35, 12)
  })
  it('E6: p = 1/2, d = 1/6, n = 600: NPS 33.33 and a Wald half-width of 5.96 points', () => {
    const result = nps(responses(300, 200, 100), { interval: 'wald' })
    expect(result.value).toBeCloseTo(33.333, 3)
    expect(((result.ci?.upper ?? 0) - (result.ci?.lower ?? 0)) / 2).toBeCloseTo(5.96, 2)
  })
  it('gives 0 for all passives, and null — never 0 — without responses', () => {
    expect(nps([7, 8, 8]).value).toBe(0)
    const empty = nps([])
    expect(empty).toMatchObject({ value: null, n: 0, ci: null, promoterShare: null, lowSample: true })
  })
  it('reads canonical decimal strings, as a CSV export gives them, and nothing else', () => {
    // '9' and '10' are promoters, '3' a detractor, '7' a passive: NPS = 100 × (2 − 1) / 4 = 25.
    const result = nps(['9', '10', '3', '7', '9.5', ' 9', '09', '1e1', '+9', '', '-1'])
    expect(result.value).toBe(25)
    expect(result.n).toBe(4)
    expect(result.excluded).toMatchObject({ invalid: 5, nonInteger: 1, offScale: 1 })
  })
  it('counts what it leaves out, by reason', () => {
    const result = nps([10, 9, null, undefined, 11, -1, 7.5, Number.NaN, 'nine', 3])
    expect(result.n).toBe(3)
    expect(result.excluded).toEqual({
      missing: 2,
      invalid: 2,
      offScale: 2,
      nonInteger: 1,
    })
  })
  it('reads objects through an accessor', () => {
    expect(nps([{ s: 10 }, { s: 0 }, { s: 9 }], (r) => r.s).value).toBeCloseTo(33.3333, 4)
  })
  it('throws a KpiError on the first invalid score when asked', () => {
    try {
      nps([10, 11], { onInvalid: 'throw' })
      expect.unreachable()
    } catch (error) {
      expect(
        isKpiError(error) && error.code === 'invalid-observation' && error.index === 1 && error.value === 11,
      ).toBe(true)
    }
  })

  describe('interval', () => {
    // Counts (50, 33, 17): adjusted Wald [17.5561, 46.5216], Wald [18.3186, 47.6814] (src/stats/npsInterval.test.ts).
    const data = [...repeat(10, 50), ...repeat(7, 33), ...repeat(0, 17)]
    it('is adjusted Wald by default, in points', () => {
      const { ci } = nps(data)
      expect(ci?.method).toBe('adjusted-wald')
      expect(ci?.lower).toBeCloseTo(17.556050187966367, 6)
      expect(ci?.upper).toBeCloseTo(46.52161971494625, 6)
    })
    it('is Wald when asked', () => {
      expect(nps(data, { interval: 'wald' }).ci?.lower).toBeCloseTo(18.318574509634715, 6)
    })
    it('is absent with none', () => {
      expect(nps(data, { interval: 'none' }).ci).toBeNull()
    })
    it('takes a function of the counts, for the trinomial t and the seeded bootstrap', () => {
      const t = nps(data, {
        interval: (counts, level) => npsInterval(counts, { method: 'trinomial-t', level }),
      })
      expect(t.ci?.lower).toBeCloseTo(18.062026225792287, 6)
      const boot = (seed: number) =>
        nps(data, {
          interval: (counts, level) => npsInterval(counts, { method: 'bootstrap', seed, level }),
        }).ci
      expect(boot(3)).toEqual(boot(3))
      expect(boot(3)?.method).toBe('bootstrap')
    })
    it('uses the level', () => {
      expect(nps(data, { level: 0.9 }).ci?.level).toBe(0.9)
      expect(nps(data, { level: 0.9 }).ci?.lower).toBeGreaterThan(17.556050187966367)
    })
    it('names the other methods in its error', () => {
      expect(() => nps(data, { interval: 'bootstrap' as never })).toThrow(RangeError)
      expect(() => nps(data, { interval: 'bootstrap' as never })).toThrow(
        'npsInterval(counts, { method, level })',
      )
    })
  })

  describe('minimum sample', () => {
    it('turns value and interval into null below minN', () => {
      expect(nps([10, 9, 3], { minN: 4 })).toMatchObject({
        value: null,
        ci: null,
        n: 3,
        lowSample: true,
      })
      expect(nps([10, 9, 3, 8], { minN: 4 }).value).toBe(25)
    })
    it('flags an interval wider than the threshold (default ± 10 points)', () => {
      expect(nps(responses(30, 50, 20)).lowSample).toBe(true) // n = 100: half-width ≈ 13.6 points
      expect(nps(responses(300, 500, 200)).lowSample).toBe(false) // n = 1,000: ≈ 4.3 points
      expect(nps(responses(30, 50, 20), { lowSampleHalfWidth: 15 }).lowSample).toBe(false)
    })
  })

  describe('custom buckets', () => {
    it('are labelled as not Bain’s NPS', () => {
      const buckets = { min: 1, max: 5, detractorMax: 2, promoterMin: 5 }
      const result = nps([5, 5, 4, 3, 2, 1], { buckets })
      expect(result).toMatchObject({
        definition: 'custom',
        promoters: 2,
        passives: 2,
        detractors: 2,
        value: 0,
      })
      expect(nps([0, 10]).definition).toBe('bain')
      expect(nps([0], { buckets }).excluded.offScale).toBe(1)
    })
    it('must be ordered', () => {
      expect(() => nps([], { buckets: { min: 0, max: 10, detractorMax: 8, promoterMin: 7 } })).toThrow(
        RangeError,
      )
    })
  })

  it('is the fold of its aggregator, element by element or as an array', () => {
    const agg = npsAggregator()
    let state = agg.init()
    const data = [10, 3, 8, 11, null]
    data.forEach((x, i) => {
      state = agg.add(state, x as number, i)
    })
    expect(agg.result(state)).toEqual(nps(data))
    expect(fold(agg, new Set(data) as Iterable<number>)).toEqual(nps([10, 3, 8, 11, null]))
  })
})

describe('accountLevel with nps', () => {
  interface Row {
    customer: string | null
    score: number | null
    at: string | null
  }
  const rows: Row[] = [
    { customer: 'a', score: 3, at: '2024-01-01T00:00:00Z' },
    { customer: 'a', score: 10, at: '2024-02-01T00:00:00Z' },
    { customer: 'b', score: 9, at: '2024-01-15T00:00:00Z' },
    { customer: 'b', score: 6, at: '2024-03-01T00:00:00Z' },
    { customer: 'c', score: 7, at: '2024-01-20T00:00:00Z' },
    { customer: 'c', score: 12, at: '2024-04-01T00:00:00Z' }, // invalid: never chosen
    { customer: null, score: 9, at: '2024-01-20T00:00:00Z' },
    { customer: 'd', score: 8, at: null },
  ]
  const run = (policy: 'all' | 'latest' | 'first' | 'mean') =>
    fold(
      accountLevel(
        npsAggregator((r: Row) => r.score),
        { account: (r) => r.customer, policy, date: (r) => r.at },
      ),
      rows,
    )

  it('latest: a → 10, b → 6, c → 7 (its later response is invalid)', () => {
    const result = run('latest')
    expect(result).toMatchObject({ n: 3, promoters: 1, passives: 1, detractors: 1, value: 0 })
    expect(result.excluded).toMatchObject({
      offScale: 1,
      missingAccount: 1,
      undated: 1,
      duplicateAccount: 2,
    })
  })
  it('first: a → 3, b → 9, c → 7', () => {
    expect(run('first')).toMatchObject({ n: 3, promoters: 1, passives: 1, detractors: 1 })
  })
  it('mean: a → 6.5 (detractor: below 7), b → 7.5 (passive), c → 7 (passive); d has no date but needs none', () => {
    const result = run('mean')
    expect(result).toMatchObject({ n: 4, promoters: 0, passives: 3, detractors: 1, value: -25 })
    expect(result.excluded.duplicateAccount).toBe(2)
  })
  it('all: every valid response', () => {
    expect(run('all')).toMatchObject({ n: 7, promoters: 3 })
  })
  it('needs a date for latest and first, and a survey aggregator', () => {
    expect(() => accountLevel(npsAggregator(), { account: () => 'x', policy: 'latest' })).toThrow(
      'accountLevel expected `options.date` to be a function, got `undefined`',
    )
    expect(() => accountLevel({ kpi: 'x' } as never, { account: () => 'x', policy: 'mean' })).toThrow(
      TypeError,
    )
  })
})
