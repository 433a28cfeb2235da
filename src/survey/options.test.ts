// Options that change a survey KPI's interval or its handling of bad input, each checked so that the
// test fails if the option were ignored.
import { describe, expect, it } from 'vitest'
import { fold } from '../core/fold.ts'
import { isKpiError } from '../core/isKpiError.ts'
import { accountLevel } from './accountLevel.ts'
import { ces } from './ces.ts'
import { csat } from './csat.ts'
import { npsAggregator } from './nps.ts'
import { responseRate } from './responseRate.ts'

const throwsAt = (call: () => unknown, index: number): void => {
  try {
    call()
    expect.unreachable()
  } catch (error) {
    expect(isKpiError(error) && error.code === 'invalid-observation' && error.index === index).toBe(true)
  }
}

describe('level', () => {
  // Wider intervals at a higher level: 30/50 Wilson is [0.4618, 0.7239] at 95 % (spec §15).
  it('csat', () => {
    const at99 = csat([...Array(30).fill(5), ...Array(20).fill(1)], { level: 0.99 })
    expect(at99.ci?.level).toBe(0.99)
    expect(at99.ci?.lower).toBeLessThan(0.4618)
  })
  it('responseRate', () => {
    const offers = [...Array(30).fill(true), ...Array(20).fill(false)]
    const at99 = responseRate(offers, { level: 0.99 })
    expect(at99.ci?.level).toBe(0.99)
    expect(at99.ci?.lower).toBeLessThan(0.4618)
  })
})

describe('onInvalid: throw', () => {
  it('csat', () => throwsAt(() => csat([5, 6], { onInvalid: 'throw' }), 1))
  it('ces', () => throwsAt(() => ces([7, 0], { onInvalid: 'throw' }), 1))
  it('responseRate', () => throwsAt(() => responseRate([true, null], { onInvalid: 'throw' }), 1))
  it('accountLevel (a response without an account)', () => {
    const agg = accountLevel(
      npsAggregator((r: { s: number; a: string | null }) => r.s),
      {
        account: (r) => r.a,
        policy: 'mean',
        onInvalid: 'throw',
      },
    )
    throwsAt(
      () =>
        fold(agg, [
          { s: 9, a: 'x' },
          { s: 9, a: null },
        ]),
      1,
    )
  })
})
