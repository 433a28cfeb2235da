import * as library from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import { approximatelyEqual } from './_equal.ts'
import { combinators, subjects } from './registry.ts'

describe('the law registry', () => {
  it('covers every exported aggregator factory', () => {
    const exported = Object.keys(library).filter((name) => name.endsWith('Aggregator'))
    const covered = new Set(subjects.map((subject) => subject.name))
    expect(exported.filter((name) => !covered.has(name))).toEqual([])
  })
  it('covers every combinator that makes aggregators', () => {
    const names = subjects.map((subject) => subject.name.split(' ')[0])
    expect(combinators.filter((name) => !names.includes(name))).toEqual([])
  })
})

describe('approximatelyEqual', () => {
  it('tolerates rounding only', () => {
    expect(approximatelyEqual({ a: [1, 0.1 + 0.2] }, { a: [1, 0.3] })).toBe(true)
    expect(approximatelyEqual({ a: 1 }, { a: 1.001 })).toBe(false)
    expect(approximatelyEqual({ a: 1 }, { b: 1 })).toBe(false)
    expect(approximatelyEqual([1], [1, 2])).toBe(false)
    expect(approximatelyEqual(null, null)).toBe(true)
    expect(approximatelyEqual(Number.NaN, Number.NaN)).toBe(true)
  })
})
