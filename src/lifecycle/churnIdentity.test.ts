// The customer counts of churnRate keep docs/churn.md's identity, atStart + new + reactivated − churned
// = atEnd, in every period of the sample data and under every policy, and agree with mrrMovements.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { churnRate, mrrMovements } from 'cx-metrics'
import { describe, expect, it } from 'vitest'

const subscriptions = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../examples/data/subscriptions.json'), 'utf8'),
)
const range = { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }
const policies = ['exclude', 'include'] as const

describe('churnRate customer counts', () => {
  for (const unit of ['month', 'quarter'] as const)
    for (const joinedAndChurned of policies)
      for (const churnedAndReactivated of policies)
        it(`keep atStart + new + reactivated − churned = atEnd by ${unit}, joinedAndChurned: '${joinedAndChurned}', churnedAndReactivated: '${churnedAndReactivated}'`, () => {
          const series = churnRate(subscriptions, { range, unit, joinedAndChurned, churnedAndReactivated })
          expect(series.periods.length).toBeGreaterThan(5)
          for (const { period, result: r } of series.periods)
            expect(r.atStart + r.new + r.reactivated - r.churned, period.key).toBe(r.atEnd)
          // Each policy moves customers between the counted and the not-counted, never loses them.
          const churned = series.periods.reduce((sum, p) => sum + p.result.churned, 0)
          expect(churned).toBeGreaterThan(0)
        })

  it('agree with the customer counts of mrrMovements under the default policies', () => {
    const churn = churnRate(subscriptions, { range, unit: 'month' })
    const movements = mrrMovements(subscriptions, { range, unit: 'month' })
    let checked = 0
    churn.periods.forEach(({ period, result }, k) => {
      const counts = movements.periods[k]?.result.customerCounts
      expect(movements.periods[k]?.period.key).toBe(period.key)
      expect(
        { new: result.new, reactivated: result.reactivated, churned: result.churned },
        period.key,
      ).toEqual({
        new: counts?.new,
        reactivated: counts?.reactivation,
        churned: counts?.churn,
      })
      checked += result.new + result.reactivated + result.churned
    })
    expect(checked).toBeGreaterThan(100)
  })

  it('count joined-and-churned customers as new and churned when they are included', () => {
    const excluded = churnRate(subscriptions, { range, unit: 'quarter' })
    const included = churnRate(subscriptions, { range, unit: 'quarter', joinedAndChurned: 'include' })
    excluded.periods.forEach(({ result: e }, k) => {
      const i = included.periods[k]?.result
      if (i === undefined) throw new Error('periods differ')
      expect(i.new + i.reactivated - e.new - e.reactivated).toBe(e.notCounted.joinedAndChurned)
      expect(i.churned - e.churned).toBe(e.notCounted.joinedAndChurned)
    })
  })
})
