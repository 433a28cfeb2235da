import { describe, expect, it } from 'vitest'
import { compensatedSum } from './compensatedSum.ts'
import { quantile } from './quantile.ts'
import { quantileSorted } from './quantileSorted.ts'

describe('quantile', () => {
  it('interpolates linearly by default (numpy: median of 1,2,3,4 is 2.5; p90 is 3.7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5)
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12)
  })
  it('reads the nearest rank when asked (⌈0.9·4⌉ = 4th value; ⌈0.5·4⌉ = 2nd)', () => {
    expect(quantile([4, 1, 3, 2], 0.9, { method: 'nearest-rank' })).toBe(4)
    expect(quantile([4, 1, 3, 2], 0.5, { method: 'nearest-rank' })).toBe(2)
  })
  it('does not round p·n up by floating error (0.7·10 = 7.000000000000001 → 7th value)', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantile(values, 0.7, { method: 'nearest-rank' })).toBe(7)
  })
  it('gives null for no values and the value itself for one', () => {
    expect(quantile([], 0.5)).toBeNull()
    expect(quantile([42], 0.9)).toBe(42)
  })
  it('handles ties', () => {
    expect(quantile([5, 5, 5, 1], 0.5)).toBe(5)
  })
  it('refuses non-finite values and p outside [0, 1]', () => {
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(
      'quantile expected `values[1]` to be a finite number, got `NaN`',
    )
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
    expect(() => quantile([1], 0.5, { method: 'type-6' as never })).toThrow(RangeError)
  })
  it('quantileSorted reads the ends', () => {
    expect(quantileSorted([1, 2, 3], 0)).toBe(1)
    expect(quantileSorted([1, 2, 3], 1)).toBe(3)
    expect(quantileSorted([], 0.5)).toBeNull()
  })
  it('refuses what it cannot read, and does not coerce values', () => {
    expect(() => quantileSorted(undefined as never, 0.5)).toThrow('quantileSorted expected `sorted`')
    expect(() => quantileSorted([1, 2], Number.NaN)).toThrow('quantileSorted expected `p`')
    expect(() => quantileSorted([1, 2], 0.5, 'type-6' as never)).toThrow(RangeError)
    for (const bad of [null, true, '5'])
      expect(() => quantile([1, bad as never], 0.5)).toThrow(
        'quantile expected `values[1]` to be a finite number',
      )
  })
})

describe('compensatedSum', () => {
  it('keeps what plain addition loses', () => {
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1)
    expect(compensatedSum([0.1, 0.2, 0.3])).toBe(0.6)
    expect(compensatedSum(new Array(10).fill(0.1))).toBe(1)
  })
  it('is 0 for no values and refuses non-finite ones', () => {
    expect(compensatedSum([])).toBe(0)
    expect(() => compensatedSum([1, Number.POSITIVE_INFINITY])).toThrow(RangeError)
  })
})
