import { describe, expect, it } from 'vitest'
import type { ByPeriodResult } from './byPeriod.ts'
import { type Comparable, compare } from './compare.ts'
import { comparePeriods } from './comparePeriods.ts'

// Expected tests are those of src/stats (spec §15 and hand computations shown there).
describe('compare', () => {
  it('moves NPS in points with the two-sample z-test', () => {
    const c = compare(
      { value: 33, measure: 'nps', n: 100, promoters: 50, passives: 33, detractors: 17 },
      { value: 10, measure: 'nps', n: 100, promoters: 40, passives: 30, detractors: 30 },
    )
    expect(c.measure).toBe('nps')
    expect(c.change).toBe(23)
    expect(c.relativeChange).toBeNull()
    expect(c.test?.pValue).toBeCloseTo(0.042425908198340696, 8)
  })
  it('moves a share in points with the two-proportion test (spec §16.2: rates change in points)', () => {
    const c = compare(
      { value: 74 / 107, measure: 'proportion', n: 107, successes: 74 },
      { value: 0.6, measure: 'proportion', n: 100 },
    )
    expect(c.change).toBeCloseTo(100 * (74 / 107 - 0.6), 10)
    expect(c.test?.statistic).toBeCloseTo(1.3782, 4)
    expect(c.test?.pValue).toBeCloseTo(0.1681, 4)
  })
  it('moves a mean in its unit with Welch’s test', () => {
    const c = compare(
      { value: 3.5, measure: 'mean', n: 50, standardDeviation: 1.2164 },
      { value: 3.7383, measure: 'mean', n: 107, standardDeviation: 1.4349 },
    )
    expect(c.change).toBeCloseTo(-0.2383, 10)
    expect(c.test?.statistic).toBeCloseTo(-1.0783468859758307, 8)
  })
  it('gives levels a relative change and no test', () => {
    expect(compare({ value: 120 }, { value: 100 })).toEqual({
      measure: 'level',
      current: 120,
      previous: 100,
      change: 20,
      relativeChange: 0.2,
      test: null,
    })
    expect(compare({ value: 5 }, { value: 0 }).relativeChange).toBeNull()
    expect(compare({ value: 5 }, { value: -2 }).relativeChange).toBeNull()
  })
  it('uses the scale option over the result’s own', () => {
    const share = { value: 0.5, n: 10, measure: 'proportion' } as const
    expect(compare(share, { ...share, value: 0.25 }, { measure: 'level' }).relativeChange).toBe(1)
  })
  it('has null changes without values, and no test without the fields a test needs', () => {
    expect(compare({ value: null, measure: 'nps' }, { value: 5, measure: 'nps' })).toMatchObject({
      change: null,
      test: null,
    })
    expect(compare({ value: 3, measure: 'mean' }, { value: 2, measure: 'mean' }).test).toBeNull()
  })
  it('uses the level', () => {
    const a = { value: 33, measure: 'nps', n: 100, promoters: 50, passives: 33, detractors: 17 } as const
    const b = { value: 10, measure: 'nps', n: 100, promoters: 40, passives: 30, detractors: 30 } as const
    expect(compare(a, b, { level: 0.9 }).test?.ci?.level).toBe(0.9)
  })
  it('refuses what is not a result', () => {
    expect(() => compare(null as never, { value: 1 })).toThrow(
      'compare expected `current` to be a result with a `value`',
    )
    expect(() => compare({ value: 1 }, { value: 1 }, { measure: 'ratio' as never })).toThrow(RangeError)
    // A value that is not a number (a string read from a file, NaN) is refused, never a NaN change.
    expect(() => compare({ value: ':' as never }, { value: 0 })).toThrow('compare expected `current.value`')
    expect(() => compare({ value: 1 }, { value: Number.NaN })).toThrow('compare expected `previous.value`')
  })
})

describe('comparePeriods', () => {
  const row = (
    key: string,
    value: number | null,
  ): { period: { key: string; start: number; end: number; complete: boolean }; result: Comparable } => ({
    period: { key, start: 0, end: 0, complete: true },
    result: { value },
  })
  const result: ByPeriodResult<Comparable> = {
    kind: 'series',
    kpi: 'byPeriod',
    variant: {},
    unit: 'quarter',
    timeZone: 'UTC',
    periods: [
      row('2023-Q4', 80),
      row('2024-Q1', 100),
      row('2024-Q2', 90),
      row('2024-Q3', null),
      row('2024-Q4', 120),
    ],
    excluded: { missing: 0, invalid: 0, outOfRange: 0 },
  }
  it('compares each period with the one before', () => {
    expect(
      comparePeriods(result).map((c) => [c.period.key, c.against, c.comparison?.change ?? null]),
    ).toEqual([
      ['2023-Q4', null, null],
      ['2024-Q1', '2023-Q4', 20],
      ['2024-Q2', '2024-Q1', -10],
      ['2024-Q3', '2024-Q2', null],
      ['2024-Q4', '2024-Q3', null],
    ])
  })
  it('compares each period with the same period a year earlier', () => {
    const yoy = comparePeriods(result, { against: 'year-ago' })
    expect(yoy.map((c) => [c.period.key, c.against, c.comparison?.relativeChange ?? null])).toEqual([
      ['2023-Q4', null, null],
      ['2024-Q1', null, null],
      ['2024-Q2', null, null],
      ['2024-Q3', null, null],
      ['2024-Q4', '2023-Q4', 0.5],
    ])
  })
  it('passes scale and level to compare', () => {
    const shares: ByPeriodResult<Comparable> = {
      ...result,
      periods: [
        {
          period: { key: '2024-Q1', start: 0, end: 0, complete: true },
          result: { value: 0.6, n: 100, successes: 60 },
        },
        {
          period: { key: '2024-Q2', start: 0, end: 0, complete: true },
          result: { value: 74 / 107, n: 107, successes: 74 },
        },
      ],
    }
    const asShares = comparePeriods(shares, { measure: 'proportion', level: 0.99 })[1]?.comparison
    expect(asShares?.measure).toBe('proportion')
    expect(asShares?.test?.pValue).toBeCloseTo(0.1681, 4)
    expect(asShares?.test?.ci?.level).toBe(0.99)
    expect(comparePeriods(shares)[1]?.comparison?.measure).toBe('level')
  })
  it('aligns fiscal and day keys a year back, and n-day buckets not at all', () => {
    const keyed = (keys: string[]): ByPeriodResult<Comparable> => ({
      ...result,
      periods: keys.map((k) => row(k, 1)),
    })
    expect(comparePeriods(keyed(['FY2024-Q2', 'FY2025-Q2']), { against: 'year-ago' })[1]?.against).toBe(
      'FY2024-Q2',
    )
    expect(comparePeriods(keyed(['2023-03-01', '2024-03-01']), { against: 'year-ago' })[1]?.against).toBe(
      '2023-03-01',
    )
    expect(
      comparePeriods(keyed(['2023-03-01/P7D', '2024-03-01/P7D']), { against: 'year-ago' })[1]?.against,
    ).toBeNull()
  })
})
