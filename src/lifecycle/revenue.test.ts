import { growth, mrr, mrrMovements, revenueRetention } from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import { many, paid, utc } from './_testSubscriptions.ts'

const march = { period: '2024-03', unit: 'month' } as const
const at = (date: string) => ({ at: utc(date) })
/** A customer on a pre-normalised MRR from `start` to `end`. */
const worth = (customerId: string, value: number, start: string, end: string | null = null) =>
  paid(customerId, start, end, { mrr: value, subscriptionId: `${customerId}@${start}` })

describe('mrr', () => {
  it('normalises plans to a month (E4): 100 × $100 monthly + 50 × $600 yearly = $12,500', () => {
    const subs = [
      ...many('m', 100, '2024-01-01', null, { amount: 100 }),
      ...many('y', 50, '2024-01-01', null, { amount: 600, billingInterval: 'year' }),
    ]
    const r = mrr(subs, at('2024-06-01'))
    expect(r.value).toBe(12_500)
    expect(r).toMatchObject({ customers: 150, n: 150, currency: 'USD', arr: 150_000, measure: 'level' })
  })

  it('normalises weekly, quarterly and N-month plans and multiplies by quantity', () => {
    const one = (extra: object) => mrr([paid('a', '2024-01-01', null, extra)], at('2024-02-01')).value
    expect(one({ amount: 10, billingInterval: 'week' })).toBeCloseTo(520 / 12, 12)
    expect(one({ amount: 300, billingInterval: 'quarter' })).toBe(100)
    expect(one({ amount: 600, billingInterval: 6 })).toBe(100)
    expect(one({ amount: 1, billingInterval: 'day' })).toBeCloseTo(365 / 12, 12)
    expect(one({ amount: 29, quantity: 3 })).toBe(87)
    expect(one({ mrr: 166.67 })).toBe(166.67)
  })

  it('sums amounts exactly: $0.10 + $0.20 is $0.30', () => {
    const subs = [
      paid('a', '2024-01-01', null, { amount: 0.1 }),
      paid('b', '2024-01-01', null, { amount: 0.2 }),
    ]
    expect(mrr(subs, at('2024-02-01')).value).toBe(0.3)
    // twelve annual $1,000 plans are $1,000 a month, not 999.99…
    const annual = many('y', 12, '2024-01-01', null, { amount: 1000, billingInterval: 'year' })
    expect(mrr(annual, at('2024-02-01')).value).toBe(1000)
  })

  it('takes recurring discounts off by the named policy', () => {
    const coupon = (duration: 'forever' | 'repeating' | 'once') => [
      paid('a', '2024-01-01', null, { amount: 49.99, discount: { percentOff: 10, duration } }),
    ]
    // 49.99 less 10 % rounded to the cent: 49.99 − 5.00
    expect(mrr(coupon('forever'), at('2024-02-01')).value).toBe(44.99)
    expect(mrr(coupon('repeating'), at('2024-02-01')).value).toBe(44.99)
    expect(mrr(coupon('once'), at('2024-02-01')).value).toBe(49.99)
    expect(mrr(coupon('repeating'), { ...at('2024-02-01'), discounts: 'forever' }).value).toBe(49.99)
    expect(mrr(coupon('forever'), { ...at('2024-02-01'), discounts: 'forever' }).value).toBe(44.99)
    expect(mrr(coupon('forever'), { ...at('2024-02-01'), discounts: 'none' }).value).toBe(49.99)
    const off = [
      paid('a', '2024-01-01', null, { amount: 120, billingInterval: 'year', discount: { amountOff: 24 } }),
    ]
    expect(mrr(off, at('2024-02-01')).value).toBe(8)
  })

  it('leaves out trials, free plans and inactive subscriptions; null when nothing is active', () => {
    const subs = [
      paid('a', '2024-01-01', '2024-01-15'),
      paid('b', '2024-01-01', null, { trial: true, amount: 0 }),
      paid('c', '2024-01-01', null, { amount: 0 }),
      paid('d', '2024-03-01', null),
    ]
    const r = mrr(subs, at('2024-02-01'))
    expect(r.value).toBeNull()
    expect(r.excluded).toMatchObject({ trial: 1, free: 1 })
  })

  it('works in whole minor units of the currency', () => {
    const yen = (amount: number) =>
      mrr([paid('a', '2024-01-01', null, { amount, currency: 'JPY' })], {
        ...at('2024-02-01'),
        minorUnits: 0,
      })
    expect(yen(1200).value).toBe(1200)
    expect(yen(1200.5).excluded.invalid).toBe(1)
    expect(() => mrr([], { at: utc('2024-02-01'), currency: 5 as never })).toThrow(TypeError)
    expect(() =>
      mrr([paid('a', '2024-01-01', null, { currency: 'EUR' })], {
        ...at('2024-02-01'),
        currency: 'USD',
      }),
    ).toThrow(/EUR.*USD/)
  })
})

describe('mrrMovements', () => {
  // Spec §5.6 E3 (ChartMogul's Syncalytics example): 4 Gold yearly at $500; 2 Silver monthly at $30 added;
  // Silver cancelled mid-cycle; Gold cancelled at the end of the year; 3 Gold monthly at $50 later.
  const syncalytics = [
    paid('sync', '2024-01-01', '2025-01-01', {
      subscriptionId: 'gold',
      amount: 500,
      quantity: 4,
      billingInterval: 'year',
      cancelledAt: utc('2024-06-01'),
    }),
    paid('sync', '2024-02-10', '2024-05-10', {
      subscriptionId: 'silver',
      amount: 30,
      quantity: 2,
      cancelledAt: utc('2024-04-15'),
    }),
    paid('sync', '2025-03-01', null, { subscriptionId: 'gold-monthly', amount: 50, quantity: 3 }),
  ]
  const month = (period: string, options = {}) =>
    mrrMovements(syncalytics, { period, unit: 'month', ...options })

  it('reproduces the Syncalytics movements (E3)', () => {
    expect(month('2024-01').movements.new).toBeCloseTo(166.67, 2)
    expect(month('2024-02').movements.expansion).toBe(60)
    expect(month('2024-05').movements.contraction).toBe(60)
    expect(month('2025-01').movements.churn).toBeCloseTo(166.67, 2)
    expect(month('2025-03').movements.reactivation).toBe(150)
    expect(month('2024-05').customerCounts).toEqual({
      new: 0,
      expansion: 0,
      contraction: 1,
      churn: 0,
      reactivation: 0,
    })
  })

  it('moves churn and contraction to the cancellation with recognition: cancellation', () => {
    expect(month('2024-04', { recognition: 'cancellation' }).movements.contraction).toBe(60)
    expect(month('2024-06', { recognition: 'cancellation' }).movements.churn).toBeCloseTo(166.67, 2)
    expect(month('2024-06').movements.churn).toBe(0)
  })

  it('nets a plan switch within a period to one movement per customer', () => {
    const subs = [
      worth('a', 100, '2023-01-01', '2024-03-10'),
      worth('a', 70, '2024-03-10', '2024-03-20'),
      worth('a', 130, '2024-03-20'),
    ]
    const r = mrrMovements(subs, { ...march, detail: true })
    expect(r.movements).toEqual({ new: 0, expansion: 30, contraction: 0, churn: 0, reactivation: 0 })
    expect(r.customers).toEqual([
      { customerId: 'a', movement: 'expansion', amount: 30, before: 100, after: 130 },
    ])
    expect(mrrMovements(subs, march).customers).toBeUndefined()
  })

  it('keeps end = start + new + expansion + reactivation − contraction − churn', () => {
    const subs = [
      worth('stay', 40, '2023-01-01'),
      worth('up', 30, '2023-01-01', '2024-03-15'),
      worth('up', 40, '2024-03-15'),
      worth('gone', 10, '2023-01-01', '2024-03-10'),
      worth('new', 25, '2024-03-05'),
      worth('back', 5, '2023-01-01', '2023-06-01'),
      worth('back', 15, '2024-03-25'),
    ]
    const r = mrrMovements(subs, march)
    const m = r.movements
    expect(r.start).toBe(80)
    expect(r.end).toBe(r.start + m.new + m.expansion + m.reactivation - m.contraction - m.churn)
    expect(r.end).toBe(120)
    expect(r.value).toBe(40)
    expect(r.quickRatio).toBe((25 + 10 + 15) / 10)
  })
})

describe('revenueRetention', () => {
  // E1: start $100; churn $10, contraction $10, expansion $10.
  const e1 = [
    worth('a', 10, '2023-01-01', '2024-03-10'),
    worth('b', 20, '2023-01-01', '2024-03-12'),
    worth('b', 10, '2024-03-12'),
    worth('c', 30, '2023-01-01', '2024-03-15'),
    worth('c', 40, '2024-03-15'),
    worth('d', 40, '2023-01-01'),
  ]

  it('reproduces E1: gross MRR churn 20 %, net 10 %, GRR 80 %, NRR 90 %', () => {
    const r = revenueRetention(e1, march)
    expect(r).toMatchObject({
      grossMrrChurn: 0.2,
      netMrrChurn: 0.1,
      grr: 0.8,
      nrr: 0.9,
      value: 0.9,
      startMrr: 100,
    })
    expect(r.cohort).toMatchObject({ customers: 4, start: 100, end: 90 })
  })

  it("reproduces E2, ChartMogul's Shopify formula: 1 − (120 − 10) / 100 = −10 %", () => {
    const subs = [
      worth('x', 100, '2024-01-01', '2024-03-10T12:00:00'),
      worth('x', 110, '2024-03-10T12:00:00'),
      worth('y', 10, '2024-03-10T13:00:00'),
    ]
    const r = revenueRetention(subs, { period: '2024-03-10', unit: 'day', mrrChurn: 'daily-sum' })
    expect(r.netMrrChurn).toBeCloseTo(-0.1, 15)
    expect(r.grossMrrChurn).toBe(0)
    expect(r.mrrChurn).toBe('daily-sum')
    // The standard formula on the same day: no losses, expansion 10 → −10 % as well, from movements
    expect(revenueRetention(subs, { period: '2024-03-10', unit: 'day' }).netMrrChurn).toBe(-0.1)
  })

  it('sums daily losses with the Shopify formula', () => {
    // $100 at the start; −$10 on 10 March (10/100), −$9 on 20 March (9/90)
    const subs = [
      worth('a', 81, '2023-01-01'),
      worth('b', 10, '2023-01-01', '2024-03-10'),
      worth('c', 9, '2023-01-01', '2024-03-20'),
    ]
    const r = revenueRetention(subs, { ...march, mrrChurn: 'daily-sum' })
    expect(r.grossMrrChurn).toBeCloseTo(0.2, 15)
    expect(revenueRetention(subs, march).grossMrrChurn).toBe(0.19)
  })

  it('reproduces E6: ARR $10M, churn $1M, downsell $1M over 12 months gives GRR 80 %', () => {
    const annual = (id: string, amount: number, start: string, end: string | null = null) =>
      paid(id, start, end, { amount, billingInterval: 'year', subscriptionId: `${id}@${start}` })
    const subs = [
      ...Array.from({ length: 7 }, (_, i) => annual(`k${i}`, 1_000_000, '2023-01-01')),
      annual('churned', 1_000_000, '2023-01-01', '2024-01-01'),
      annual('down', 2_000_000, '2023-01-01', '2024-01-01'),
      annual('down', 1_000_000, '2024-01-01'),
    ]
    const r = revenueRetention(subs, { period: '2024-12', unit: 'month', horizonMonths: 12 })
    expect(r.grr).toBeCloseTo(0.8, 15)
    expect(r.nrr).toBeCloseTo(0.8, 15)
    expect(r.cohort.from).toBe(Date.parse(utc('2024-01-01')))
    // Over December alone nothing moved.
    expect(revenueRetention(subs, { period: '2024-12', unit: 'month' }).grr).toBe(1)
  })

  it('reproduces E7 (GRR 87.5 %), E8 (GRR 90 %, NRR 102 %) and E9 (MRR retention 110 %)', () => {
    const e7 = [
      worth('a', 100_000, '2023-01-01'),
      worth('b', 50_000, '2023-01-01', '2024-03-05'),
      worth('b', 40_000, '2024-03-05'),
      worth('c', 15_000, '2023-01-01', '2024-03-09'),
      worth('d', 35_000, '2023-01-01'),
    ]
    expect(revenueRetention(e7, march).grr).toBe(0.875)
    const e8 = [
      worth('a', 20_000, '2023-01-01', '2024-03-05'),
      worth('a', 18_000, '2024-03-05'),
      worth('b', 3_000, '2023-01-01', '2024-03-09'),
      worth('c', 27_000, '2023-01-01', '2024-03-20'),
      worth('c', 33_000, '2024-03-20'),
    ]
    expect(revenueRetention(e8, march)).toMatchObject({ grr: 0.9, nrr: 1.02 })
    const e9 = [
      worth('a', 100, '2023-01-01', '2024-03-05'),
      worth('b', 900, '2023-01-01', '2024-03-09'),
      worth('b', 1100, '2024-03-09'),
    ]
    expect(revenueRetention(e9, march).nrr).toBe(1.1)
  })

  it('names how reactivation is treated: it offsets net MRR churn, never NRR', () => {
    const subs = [...e1, worth('old', 5, '2022-01-01', '2022-06-01'), worth('old', 20, '2024-03-20')]
    const offset = revenueRetention(subs, march)
    expect(offset.netMrrChurn).toBe(-0.1)
    expect(offset.nrr).toBe(0.9)
    const excluded = revenueRetention(subs, { ...march, reactivation: 'exclude' })
    expect(excluded.netMrrChurn).toBe(0.1)
    expect(excluded.reactivation).toBe('exclude')
    expect(offset.quickRatio).toBe((10 + 20) / 20)
  })

  it('gives null rates on a zero base', () => {
    const r = revenueRetention([worth('n', 10, '2024-03-05')], march)
    expect(r).toMatchObject({ nrr: null, grr: null, grossMrrChurn: null, netMrrChurn: null, value: null })
  })
})

describe('growth', () => {
  it('measures period over period, with a lag for YoY', () => {
    expect(growth([100, 110, 121]).value).toBeCloseTo(0.1, 15)
    expect(growth([100, 110, 121]).changes).toEqual([null, expect.closeTo(0.1, 15), expect.closeTo(0.1, 15)])
    const months = Array.from({ length: 13 }, (_, i) => 100 + i * 5)
    // 160 against 100 twelve months earlier
    expect(growth(months, { lag: 12 }).value).toBeCloseTo(0.6, 15)
  })

  it('computes CMGR with k = the number of steps (months − 1)', () => {
    const doubling = Array.from({ length: 13 }, (_, i) => (i === 12 ? 200 : 100 + i))
    const r = growth(doubling, { method: 'cmgr' })
    expect(r.value).toBeCloseTo(2 ** (1 / 12) - 1, 15)
    expect(r.steps).toBe(12)
    // CMGR is below the mean of the MoM rates of a volatile series: 1.8^(1/3) − 1 vs (0.5 − 0.2 + 0.5) / 3
    const volatile = [100, 150, 120, 180]
    expect(growth(volatile, { method: 'cmgr' }).value).toBeCloseTo(1.8 ** (1 / 3) - 1, 15)
  })

  it('computes CAGR from the number of values a year', () => {
    expect(growth([100, 110, 121], { method: 'cagr' }).value).toBeCloseTo(0.1, 15)
    expect(growth([100, 121], { method: 'cagr' }).value).toBeCloseTo(0.21, 15)
    const monthly = Array.from({ length: 25 }, (_, i) => (i === 24 ? 144 : 100))
    expect(growth(monthly, { method: 'cagr', periodsPerYear: 12 }).value).toBeCloseTo(0.2, 15)
  })

  it('gives null with a reason on a zero or negative base, a missing value or too few values', () => {
    expect(growth([0, 10])).toMatchObject({ value: null, reason: 'zero-denominator' })
    expect(growth([-5, 10], { method: 'cmgr' })).toMatchObject({
      value: null,
      reason: 'negative-base',
    })
    expect(growth([5, -10], { method: 'cagr' })).toMatchObject({
      value: null,
      reason: 'negative-value',
    })
    expect(growth([5, null, 10], { method: 'cmgr' })).toMatchObject({
      value: null,
      reason: 'missing-value',
    })
    expect(growth([5])).toMatchObject({ value: null, reason: 'too-few-values' })
    expect(growth([5, Number.NaN]).excluded.invalid).toBe(1)
    expect(growth([{ r: 1 }, { r: 2 }], (x) => x.r).value).toBe(1)
    expect(() => growth([1, 2], { lag: 0 })).toThrow(
      'growth expected `options.lag` to be an integer of at least 1, got `0`',
    )
  })
})
