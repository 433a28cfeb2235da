// Invariants of the unit-economics formulas over random inputs.
import { test } from '@fast-check/vitest'
import * as fc from 'fast-check'
import { describe, expect } from 'vitest'
import { cacPayback } from './cacPayback.ts'
import { lifetimeValue } from './lifetimeValue.ts'

const money = fc.double({ min: 1, max: 100_000, noNaN: true })
const rate = fc.double({ min: 0.001, max: 0.999, noNaN: true })
const margin = fc.double({ min: 0.05, max: 1, noNaN: true })
const discount = fc.double({ min: 0, max: 0.05, noNaN: true })

describe('unit economics invariants', () => {
  test.prop([money, margin, rate, rate, discount, fc.constantFrom('end' as const, 'start' as const)])(
    'LTV falls as churn rises',
    (arpa, m, c1, c2, d, paymentTiming) => {
      fc.pre(Math.abs(c1 - c2) > 1e-6)
      const [low, high] = c1 < c2 ? [c1, c2] : [c2, c1]
      const options = { discountRate: d, paymentTiming }
      const a = lifetimeValue({ arpa, churn: low, margin: m }, options).value as number
      const b = lifetimeValue({ arpa, churn: high, margin: m }, options).value as number
      expect(b).toBeLessThan(a)
    },
  )

  test.prop([money, money, margin])('payback × ARPA × margin = CAC', (cac, arpa, m) => {
    const months = cacPayback({ cac, arpa, margin: m }).value as number
    expect(months * arpa * m).toBeCloseTo(cac, 6)
  })
})
