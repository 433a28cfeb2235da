// Ids are data: every name of Object.prototype's members works as a customer, account, group or channel
// id like any other string, and nothing is written to Object.prototype.
import * as cx from 'cx-metrics'
import { afterEach, describe, expect, it } from 'vitest'
import { prototypeKeys } from './_hostile.ts'

const before = Object.getOwnPropertyNames(Object.prototype).sort()
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
  expect(({} as Record<string, unknown>)[0]).toBeUndefined()
})
const ids = [...prototypeKeys, 'plain']
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x))

describe('prototype keys as ids', () => {
  it('accountLevel counts each as its own account, in one pass and across a JSON state', () => {
    const rows = ids.flatMap((account, i) => [
      { account, score: 10, at: i * 2 },
      { account, score: 0, at: i * 2 + 1 },
    ])
    const agg = cx.accountLevel(
      cx.npsAggregator((r: (typeof rows)[number]) => r.score),
      {
        account: (r) => r.account,
        policy: 'latest',
        date: (r) => r.at,
      },
    )
    // Each account's latest answer is its 0: every account a detractor.
    const r = cx.fold(agg, rows)
    expect(r).toMatchObject({ n: ids.length, value: -100 })
    const half = rows.length / 2
    const merged = agg.merge(
      json(cx.accumulate(agg, rows.slice(0, half))),
      json(cx.accumulate(agg, rows.slice(half))),
    )
    expect(agg.result(merged)).toMatchObject({ n: ids.length, value: -100 })
  })

  it('byKey keeps a group for each, and survival a curve for each', () => {
    const rows = ids.map((k) => ({ k, score: 10 }))
    const groups = cx.fold(
      cx.byKey(
        cx.npsAggregator((r: (typeof rows)[number]) => r.score),
        (r) => r.k,
      ),
      rows,
    ).groups
    expect(groups.map((g) => g.key).sort()).toEqual([...ids].sort())
    expect(groups.every((g) => g.result.n === 1)).toBe(true)
    const km = cx.survival(ids.map((group) => ({ time: 5, event: true, group })))
    expect(Object.keys(km.groups ?? {}).sort()).toEqual([...ids].sort())
    expect(Object.hasOwn(km.groups ?? {}, '__proto__')).toBe(true)
  })

  it('subscription KPIs count each as its own customer', () => {
    const subs = ids.map((customerId) => ({
      customerId,
      start: '2024-01-01T00:00:00Z',
      end: customerId === 'plain' ? null : '2024-03-15T00:00:00Z',
      amount: 100,
      billingInterval: 'month' as const,
    }))
    const churn = cx.churnRate(subs, { period: '2024-03', unit: 'month' })
    expect(churn).toMatchObject({ atStart: ids.length, churned: ids.length - 1 })
    expect(cx.mrr(subs, { at: '2024-02-01T00:00:00Z' })).toMatchObject({
      customers: ids.length,
      value: 100 * ids.length,
    })
    const table = cx.cohortRetention(subs, { unit: 'month', asOf: '2024-06-01T00:00:00Z' })
    expect(table.cohorts[0]?.size).toBe(ids.length)
  })

  it('rfmSummary and acquisitionCost keep each customer and channel', () => {
    const rows = ids.flatMap((customerId) => [
      { customerId, at: '2024-01-01T00:00:00Z', amount: 10 },
      { customerId, at: '2024-01-05T00:00:00Z', amount: 20 },
    ])
    const rfm = cx.rfmSummary(rows, { calibrationEnd: '2024-02-01T00:00:00Z' })
    expect(rfm.customers.map((c) => c.customerId).sort()).toEqual([...ids].sort())
    expect(rfm.customers.every((c) => c.frequency === 1 && c.monetaryValue === 20)).toBe(true)
    const records = ids.flatMap((channel, i) => [
      { at: '2024-03-01T00:00:00Z', amount: 100, channel },
      { customerId: `c${i}`, acquiredAt: '2024-03-10T00:00:00Z', channel },
    ])
    const cac = cx.acquisitionCost(records, { period: '2024-03', unit: 'month', attribution: 'per-channel' })
    expect(Object.keys(cac.channels ?? {}).sort()).toEqual([...ids].sort())
    expect(Object.values(cac.channels ?? {}).every((c) => c.value === 100)).toBe(true)
  })

  it('a billing interval named after a prototype member is invalid, not NaN', () => {
    const r = cx.mrr(
      [
        {
          customerId: 'a',
          start: '2024-01-01T00:00:00Z',
          amount: 100,
          billingInterval: 'constructor' as never,
        },
      ],
      { at: '2024-02-01T00:00:00Z' },
    )
    expect(r).toMatchObject({ value: null, excluded: { invalid: 1 } })
  })
})
