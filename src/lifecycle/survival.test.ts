import { customerLifetimes, survival } from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import { paid, utc } from './_testSubscriptions.ts'

// Spec §4.7 E13 (lifelines example): durations [5, 6, 6, 2.5, 4, 4], churn flags [1, 0, 0, 1, 1, 1].
const e13 = [5, 6, 6, 2.5, 4, 4].map((time, i) => ({ time, event: [1, 0, 0, 1, 1, 1][i] as 0 | 1 }))

describe('survival', () => {
  it('reproduces E13: S and Greenwood standard errors', () => {
    const km = survival(e13)
    const at = (t: number) => km.curve.find((p) => p.time === t)
    expect(at(2.5)?.survival).toBeCloseTo(0.8333, 4)
    expect(at(2.5)?.standardError).toBeCloseTo(0.1521, 4)
    expect(at(4)?.survival).toBeCloseTo(0.5, 12)
    expect(at(4)?.standardError).toBeCloseTo(0.2041, 4)
    expect(at(5)?.survival).toBeCloseTo(0.3333, 4)
    expect(at(5)?.standardError).toBeCloseTo(0.1925, 4)
    expect(at(6)).toMatchObject({ censored: 2, events: 0 })
    expect(km).toMatchObject({ n: 6, events: 4 })
  })

  it("takes the median where the curve sits at 0.5 by R's midpoint rule, or lifelines' first time", () => {
    // R: print(survfit(Surv(c(5,6,6,2.5,4,4), c(1,0,0,1,1,1)) ~ 1)) gives median 4.5; lifelines gives 4 (E13).
    expect(survival(e13).median.value).toBe(4.5)
    expect(survival(e13, { median: 'first' }).median.value).toBe(4)
  })

  it('reports a median that is not reached as null, never Infinity', () => {
    const km = survival([
      { time: 3, event: true },
      { time: 5, event: false },
      { time: 8, event: false },
    ])
    // S stays at 2/3; only the lower bound of its interval crosses 0.5 (at 3).
    expect(km.median).toEqual({ value: null, reached: false, lower: 3, upper: null })
    expect(km.value).toBeNull()
  })

  it('widens the intervals with the level', () => {
    const wide = survival(e13, { level: 0.99 }).curve[0]
    const narrow = survival(e13).curve[0]
    expect((wide?.lower as number) < (narrow?.lower as number)).toBe(true)
    expect(survival(e13, { level: 0.99 }).level).toBe(0.99)
  })

  it('leaves subjects out of the risk set before their entry (delayed entry)', () => {
    const km = survival([
      { time: 2, event: true },
      { time: 4, event: true, entry: 3 },
      { time: 6, event: false },
    ])
    // At 2 only two subjects are at risk (the third enters at 3): S = 1/2; at 4: 2 at risk, S = 1/4.
    expect(km.curve.map((p) => [p.time, p.atRisk, p.survival])).toEqual([
      [2, 2, 0.5],
      [4, 2, 0.25],
      [6, 1, 0.25],
    ])
  })

  it('computes the restricted mean lifetime to a horizon', () => {
    // S = 1 on [0, 2.5), 5/6 on [2.5, 4), 5/12 … on [4, 5): area to 4 = 2.5 + 1.5 × 5/6
    const km = survival(e13, { horizon: 4 })
    expect(km.restrictedMean?.value).toBeCloseTo(2.5 + 1.5 * (5 / 6), 12)
    expect(survival(e13).restrictedMean).toBeNull()
  })

  it('draws a curve per group and no log-rank test for one group', () => {
    const km = survival(e13.map((x, i) => ({ ...x, group: i < 3 ? 'a' : 'b' })))
    expect(Object.keys(km.groups ?? {})).toEqual(['a', 'b'])
    expect(km.logRank?.groups).toEqual(['a', 'b'])
    expect(survival(e13.map((x) => ({ ...x, group: 'only' }))).logRank).toBeNull()
    expect(survival(e13).groups).toBeNull()
  })

  it('counts invalid observations and gives null on empty input', () => {
    const km = survival([
      { time: 1, event: true },
      { time: Number.NaN, event: true },
      { time: 2, event: 'x' as never },
      null as never,
      { time: 3, event: true, entry: 4 },
    ])
    expect(km.excluded).toEqual({ missing: 1, invalid: 3 })
    expect(survival([]).value).toBeNull()
    expect(survival([]).curve).toEqual([])
    expect(() => survival([null as never], { onInvalid: 'throw' })).toThrow(/missing/)
    expect(() => survival([], { interval: 'arcsine' as never })).toThrow(RangeError)
  })
})

describe('customerLifetimes', () => {
  const subs = [
    paid('a', '2024-01-01', '2024-03-01'),
    paid('a', '2024-05-01', null),
    paid('b', '2024-02-01', null),
    paid('c', '2023-01-01', '2023-06-01'),
    paid('d', '2023-06-01', '2024-02-01'),
  ]
  const asOf = utc('2024-07-01')

  it('measures the first paid spell to churn, censoring customers still active at asOf', () => {
    const lives = customerLifetimes(subs, { asOf, durationUnit: 'day' })
    expect(lives.map((l) => [l.customerId, l.time, l.event])).toEqual([
      ['a', 60, true],
      ['b', 151, false],
      ['c', 151, true],
      ['d', 245, true],
    ])
    expect(customerLifetimes(subs, { asOf, durationUnit: 'week' })[0]?.time).toBeCloseTo(60 / 7, 12)
    expect(customerLifetimes(subs, { asOf })[0]?.time).toBeCloseTo(60 / 30.4375, 12)
  })

  it('enters earlier customers at observedFrom and leaves out those gone by then', () => {
    const lives = customerLifetimes(subs, { asOf, durationUnit: 'day', observedFrom: utc('2024-01-01') })
    expect(lives.map((l) => [l.customerId, l.entry ?? null])).toEqual([
      ['a', null],
      ['b', null],
      ['d', 214],
    ])
    expect(survival(lives).n).toBe(3)
  })

  it('needs asOf', () => {
    expect(() => customerLifetimes(subs, {} as never)).toThrow(/asOf/)
  })
})
