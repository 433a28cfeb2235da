// Invariants of the lifecycle KPIs over random subscription histories: the MRR movement identity,
// cohort cells bounded by the cohort, retention 1 without churn, and Kaplan–Meier without censoring.
import { test } from '@fast-check/vitest'
import * as fc from 'fast-check'
import { describe, expect } from 'vitest'
import type { Subscription } from './_subscription.ts'
import { churnRate } from './churnRate.ts'
import { cohortRetention } from './cohortRetention.ts'
import { mrrMovements } from './mrrMovements.ts'
import { retentionRate } from './retentionRate.ts'
import { survival } from './survival.ts'

const DAY = 86_400_000
const from = Date.UTC(2023, 6, 1)
const history = fc.array(
  fc.record({
    customerId: fc.integer({ min: 0, max: 30 }).map(String),
    start: fc.integer({ min: from, max: Date.UTC(2024, 11, 1) }),
    days: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    amount: fc.constantFrom(9.99, 20, 100, 240),
    interval: fc.constantFrom('month' as const, 'year' as const, 'quarter' as const),
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  { maxLength: 60 },
)
type Row = typeof history extends fc.Arbitrary<(infer R)[]> ? R : never
const toSubscriptions = (rows: Row[]) =>
  rows.map(
    (r): Subscription => ({ ...r, end: r.days === null ? null : r.start + r.days * DAY, currency: 'USD' }),
  )
const year = { range: { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, unit: 'month' } as const

describe('lifecycle invariants', () => {
  test.prop([history])(
    'end = start + new + expansion + reactivation − contraction − churn, every period',
    (rows) => {
      for (const { result: r } of mrrMovements(toSubscriptions(rows), year).periods) {
        const m = r.movements
        const expected = r.start + m.new + m.expansion + m.reactivation - m.contraction - m.churn
        expect(Math.abs(r.end - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.end))
        expect(Object.values(m).every((x) => x >= 0)).toBe(true)
      }
    },
  )

  test.prop([history, fc.constantFrom('n-period' as const, 'unbounded' as const, 'bracket' as const)])(
    'cohort cells never exceed the cohort size',
    (rows, criterion) => {
      const t = cohortRetention(toSubscriptions(rows), {
        unit: 'quarter',
        criterion,
        brackets: [
          [0, 1],
          [2, 3],
        ],
        asOf: '2025-06-01T00:00:00Z',
      })
      for (const row of t.cohorts) {
        for (const cell of row.cells) {
          if (cell.retained !== null) expect(cell.retained).toBeLessThanOrEqual(row.size)
          if (cell.value !== null) expect(cell.value).toBeLessThanOrEqual(1)
        }
      }
    },
  )

  test.prop([history])(
    'a cohort without churn keeps 1 in every complete cell; churn is 0 and retention 1',
    (rows) => {
      const forever = toSubscriptions(rows).map((s) => ({ ...s, end: null }))
      const t = cohortRetention(forever, { unit: 'month', asOf: '2025-01-01T00:00:00Z' })
      for (const row of t.cohorts) for (const cell of row.cells) if (cell.complete) expect(cell.value).toBe(1)
      for (const { result } of churnRate(forever, year).periods) {
        expect(result.value === null || result.value === 0).toBe(true)
      }
      for (const { result } of retentionRate(forever, year).periods) {
        expect(result.value === null || result.value >= 1).toBe(true)
      }
    },
  )

  test.prop([fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 80 })])(
    'Kaplan–Meier is 1 − churned / total when nothing is censored',
    (times) => {
      const km = survival(times.map((time) => ({ time, event: true })))
      for (const p of km.curve) {
        const churned = times.filter((t) => t <= p.time).length
        expect(p.survival).toBeCloseTo(1 - churned / times.length, 12)
      }
    },
  )
})
