// The aggregator laws of DESIGN §3, checked with fast-check for every subject of the registry:
//   identity:           merge(init(), s) ≡ s ≡ merge(s, init())
//   associativity:      merge(merge(a, b), c) ≡ merge(a, merge(b, c))
//   split invariance:   result(merge(fold(xs), fold(ys))) ≡ result(fold(xs ++ ys))
//   JSON states:        a state survives JSON round-tripping and still merges
//   simple call:        kpi(items) ≡ result(fold(kpiAggregator(), items))

import { accumulate, fold } from 'cx-metrics'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { approximatelyEqual } from './_equal.ts'
import { subjects } from './registry.ts'

const runs = { numRuns: 60 }
const clone = <T>(x: T): T => structuredClone(x)

describe.each(subjects)('$name', ({ make, input, direct }) => {
  const items = fc.array(input, { maxLength: 40 })

  it('has init() as the identity of merge', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const agg = make()
        const state = accumulate(agg, xs)
        const left = agg.merge(agg.init(), clone(state))
        const right = agg.merge(clone(state), agg.init())
        expect(approximatelyEqual(agg.result(left), agg.result(state))).toBe(true)
        expect(approximatelyEqual(agg.result(right), agg.result(state))).toBe(true)
      }),
      runs,
    )
  })

  it('merges associatively', () => {
    fc.assert(
      fc.property(items, items, items, (xs, ys, zs) => {
        const agg = make()
        const [a, b, c] = [xs, ys, zs].map((part) => accumulate(agg, part))
        const leftFirst = agg.merge(agg.merge(clone(a), clone(b)), clone(c))
        const rightFirst = agg.merge(clone(a), agg.merge(clone(b), clone(c)))
        expect(approximatelyEqual(agg.result(leftFirst), agg.result(rightFirst))).toBe(true)
      }),
      runs,
    )
  })

  it('gives the same result for any split of the data', () => {
    fc.assert(
      fc.property(items, fc.nat(), (xs, cut) => {
        const agg = make()
        const at = xs.length === 0 ? 0 : cut % (xs.length + 1)
        const merged = agg.merge(accumulate(agg, xs.slice(0, at)), accumulate(agg, xs.slice(at)))
        const whole = fold(agg, xs)
        expect(approximatelyEqual(agg.result(merged), whole)).toBe(true)
      }),
      runs,
    )
  })

  it('keeps plain-JSON states', () => {
    fc.assert(
      fc.property(items, items, (xs, ys) => {
        const agg = make()
        const a = JSON.parse(JSON.stringify(accumulate(agg, xs)))
        const b = JSON.parse(JSON.stringify(accumulate(agg, ys)))
        expect(approximatelyEqual(agg.result(agg.merge(a, b)), fold(agg, [...xs, ...ys]))).toBe(true)
      }),
      runs,
    )
  })

  if (direct !== undefined) {
    it('equals its simple call', () => {
      fc.assert(
        fc.property(items, (xs) => {
          expect(approximatelyEqual(direct(xs), fold(make(), xs))).toBe(true)
        }),
        runs,
      )
    })
  }
})
