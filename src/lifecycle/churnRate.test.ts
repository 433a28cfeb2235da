import { annualize, churnRate, deannualize, isKpiError, retentionRate } from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import { many, paid, utc } from './_testSubscriptions.ts'

const march = { period: '2024-03', unit: 'month' } as const

/** Spec §4.7 E1: 100 customers at the start; 12 churn in the month, one of whom came back and one of whom joined in it. */
const e1 = [
  ...many('base', 89, '2023-06-01', null),
  ...many('lost', 10, '2023-06-01', '2024-03-10'),
  // the eleventh churns from the base and comes back
  paid('back', '2023-06-01', '2024-03-05'),
  paid('back', '2024-03-20', null),
  // the twelfth joined in March and churned in March
  paid('fleeting', '2024-03-03', '2024-03-25'),
].map((s, i) => ({ ...s, subscriptionId: `s${i}` }))

describe('churnRate', () => {
  it("reproduces ChartMogul's standard example (E1): (12 − 1 − 1) / 100 = 10 %", () => {
    const r = churnRate(e1, march)
    expect(r.value).toBe(0.1)
    expect(r).toMatchObject({
      churned: 10,
      atRisk: 100,
      atStart: 100,
      // 'fleeting' joined and churned, 'back' churned and came back: neither is new, reactivated or
      // churned, so that atStart + new + reactivated − churned = atEnd (100 + 0 + 0 − 10 = 90).
      atEnd: 90,
      new: 0,
      reactivated: 0,
      notCounted: { joinedAndChurned: 1, churnedAndReactivated: 1 },
      variant: { denominator: 'start', joinedAndChurned: 'exclude', churnedAndReactivated: 'exclude' },
    })
    expect(r.period).toMatchObject({ key: '2024-03', start: Date.parse(utc('2024-03-01')) })
  })

  it('counts joined-and-churned customers when asked (Stripe, Baremetrics)', () => {
    expect(churnRate(e1, { ...march, joinedAndChurned: 'include' }).value).toBe(0.11)
  })

  it('counts every churn event of reactivated customers when asked (Stripe)', () => {
    expect(churnRate(e1, { ...march, churnedAndReactivated: 'include' }).value).toBe(0.11)
    const twice = [
      ...e1,
      paid('twice', '2023-01-01', '2024-03-02'),
      paid('twice', '2024-03-04', '2024-03-06'),
    ]
    // 101 at the start; 10 lost + back + twice's two churns
    expect(churnRate(twice, { ...march, churnedAndReactivated: 'include' }).churned).toBe(13)
    expect(churnRate(twice, march).churned).toBe(11)
  })

  it('reproduces the Shopify example (E2): 6.25 % in July, 5.87 % in August', () => {
    const base = many('b', 10_000, '2024-06-01', null)
    for (let i = 0; i < 500; i++) base[i] = paid(`b${i}`, '2024-06-01', '2024-07-15')
    for (let i = 500; i < 1219; i++) base[i] = paid(`b${i}`, '2024-06-01', '2024-08-15')
    const july = many('j', 5000, '2024-07-02', null)
    for (let i = 0; i < 125; i++) july[i] = paid(`j${i}`, '2024-07-02', '2024-07-20')
    const august = many('a', 5000, '2024-08-02', null)
    for (let i = 0; i < 125; i++) august[i] = paid(`a${i}`, '2024-08-02', '2024-08-20')
    const series = churnRate([...base, ...july, ...august], {
      range: { from: utc('2024-07-01'), to: utc('2024-09-01') },
      unit: 'month',
      joinedAndChurned: 'include',
    })
    const [jul, aug] = series.periods.map((p) => p.result)
    expect(jul?.value).toBe(0.0625)
    expect(aug?.atStart).toBe(14_375)
    expect(aug?.churned).toBe(844)
    expect(aug?.value).toBeCloseTo(0.0587, 4)
    expect(series.periods.map((p) => p.period.key)).toEqual(['2024-07', '2024-08'])
  })

  it('reproduces the snapshot example (E4) and the average denominator', () => {
    const subs = [...many('k', 450, '2023-01-01', null), ...many('l', 50, '2023-01-01', '2024-03-20')]
    expect(churnRate(subs, march).value).toBe(0.1)
    // 50 / ((500 + 450) / 2)
    expect(churnRate(subs, { ...march, denominator: 'average' }).value).toBeCloseTo(50 / 475, 15)
  })

  it("divides by customers at the start plus new ones with 'start-plus-new' (Stripe)", () => {
    const subs = [
      ...many('k', 90, '2023-01-01', null),
      ...many('l', 10, '2023-01-01', '2024-03-20'),
      ...many('n', 25, '2024-03-05', null),
    ]
    expect(churnRate(subs, { ...march, denominator: 'start-plus-new' }).value).toBe(10 / 125)
    expect(churnRate(subs, march).value).toBe(0.1)
  })

  it("sums daily rates with 'daily-sum' (Shopify, ChartMogul B2C)", () => {
    const subs = [
      ...many('k', 81, '2023-01-01', null),
      ...many('x', 10, '2023-01-01', '2024-03-10T15:00:00'),
      ...many('y', 9, '2023-01-01', '2024-03-20T08:00:00'),
    ]
    // 10 / 100 on 10 March + 9 / 90 on 20 March
    const r = churnRate(subs, { ...march, denominator: 'daily-sum' })
    expect(r.value).toBeCloseTo(0.2, 15)
    expect(r.churned).toBe(19)
    expect(churnRate(subs, march).value).toBe(0.19)
  })

  it('recognises churn at expiry by default, at cancellation when asked', () => {
    const subs = [
      ...many('k', 9, '2023-01-01', null),
      paid('annual', '2024-01-01', '2025-01-01', {
        billingInterval: 'year',
        amount: 120,
        cancelledAt: utc('2024-03-12'),
      }),
    ]
    expect(churnRate(subs, march).value).toBe(0)
    expect(churnRate(subs, { ...march, recognition: 'cancellation' }).value).toBe(0.1)
    // Paid through 31 December: the churn happens on 1 January, when the paid period ends.
    expect(churnRate(subs, { period: '2024-12', unit: 'month' }).value).toBe(0)
    expect(churnRate(subs, { period: '2025-01', unit: 'month' }).value).toBe(0.1)
  })

  it('ends past-due subscriptions after the grace days, and only with graceDays', () => {
    const subs = [
      ...many('k', 9, '2023-01-01', null),
      paid('late', '2023-01-01', null, { pastDueSince: utc('2024-02-20') }),
    ]
    expect(churnRate(subs, march).value).toBe(0)
    // 20 February + 30 days = 21 March
    expect(churnRate(subs, { ...march, graceDays: 30 }).value).toBe(0.1)
    expect(churnRate(subs, { ...march, graceDays: 5 }).value).toBe(0)
  })

  it('churns a customer only when the last subscription ends; subscriptions churn on their own', () => {
    const subs = [
      paid('two', '2023-01-01', null, { subscriptionId: 'a' }),
      paid('two', '2023-01-01', '2024-03-15', { subscriptionId: 'b' }),
      paid('one', '2023-01-01', null, { subscriptionId: 'c' }),
    ]
    expect(churnRate(subs, march).value).toBe(0)
    const bySubscription = churnRate(subs, { ...march, entity: 'subscription' })
    expect(bySubscription.value).toBeCloseTo(1 / 3, 15)
    expect(bySubscription.variant.entity).toBe('subscription')
  })

  it('measures a trailing window of N days before asOf (Baremetrics)', () => {
    const subs = [
      ...many('k', 8, '2023-01-01', null),
      paid('feb', '2023-01-01', '2024-02-20'),
      paid('mar', '2023-01-01', '2024-03-15'),
    ]
    const r = churnRate(subs, { trailingDays: 30, asOf: utc('2024-03-31') })
    // active on 1 March: 9; churned since: 1
    expect(r.value).toBeCloseTo(1 / 9, 15)
    expect(r.period.start).toBe(Date.parse(utc('2024-03-01')))
    expect(churnRate(subs, { trailingDays: 60, asOf: utc('2024-03-31') }).value).toBe(0.2)
  })

  it('measures a custom range given as { from, to }', () => {
    const subs = [...many('k', 9, '2023-01-01', null), paid('x', '2023-01-01', '2024-03-20')]
    const r = churnRate(subs, { period: { from: utc('2024-03-15'), to: utc('2024-03-25') } })
    expect(r.value).toBe(0.1)
    expect(r.period.key).toBe('2024-03-15T00:00:00.000Z/2024-03-25T00:00:00.000Z')
    expect(churnRate(subs, { period: { from: utc('2024-03-21'), to: utc('2024-03-25') } }).value).toBe(0)
    expect(() => churnRate(subs, { period: { from: utc('2024-03-25'), to: utc('2024-03-21') } })).toThrow(
      RangeError,
    )
  })

  it('treats later events as unknown at asOf and marks the period incomplete', () => {
    const subs = [...many('k', 9, '2023-01-01', null), paid('x', '2023-01-01', '2024-03-20')]
    const r = churnRate(subs, { ...march, asOf: utc('2024-03-15') })
    expect(r.value).toBe(0)
    expect(r.period.complete).toBe(false)
    const after = churnRate([...subs, paid('later', '2024-03-16', null)], {
      ...march,
      asOf: utc('2024-03-15'),
    })
    expect(after.excluded.pending).toBe(1)
  })

  it('reports months in the reporting time zone', () => {
    // Ends 31 March 23:30 in New York = 1 April 03:30 UTC.
    const subs = [...many('k', 9, '2023-01-01', null), paid('x', '2023-01-01', '2024-04-01T03:30:00')]
    expect(churnRate(subs, march).value).toBe(0)
    expect(churnRate(subs, { ...march, timeZone: 'America/New_York' }).value).toBe(0.1)
  })

  it('gives null, never 0, without customers at the start', () => {
    const r = churnRate([paid('new', '2024-03-05', null)], march)
    expect(r.value).toBeNull()
    expect(churnRate([], march).value).toBeNull()
  })

  it('leaves out trials and free plans and counts invalid records by reason', () => {
    const subs: unknown[] = [
      ...many('k', 10, '2023-01-01', null),
      paid('t', '2023-01-01', '2024-03-04', { trial: true }),
      paid('f', '2023-01-01', '2024-03-04', { amount: 0 }),
      { customerId: 'z', start: 'yesterday' },
      { customerId: 'z', start: utc('2024-01-02'), end: utc('2024-01-01') },
      { start: utc('2024-01-02') },
      null,
    ]
    const r = churnRate(subs as never[], march)
    expect(r.value).toBe(0)
    expect(r.excluded).toEqual({ missing: 2, invalid: 2, trial: 1, free: 1, pending: 0 })
    expect(() => churnRate(subs as never[], { ...march, onInvalid: 'throw' })).toThrow(/invalid/)
  })

  it('reads the customers through an accessor', () => {
    const rows = e1.map((s) => ({ who: s.customerId, from: s.start, to: s.end }))
    const r = churnRate(rows, (x) => ({ customerId: x.who, start: x.from, end: x.to ?? null }), march)
    expect(r.value).toBe(0.1)
  })

  it('rejects wrong options with the function, the argument and what was expected', () => {
    expect(() => churnRate([], { ...march, denominator: 'end' as never })).toThrow(
      "churnRate expected `options.denominator` to be one of 'start', 'start-plus-new', 'average', 'daily-sum', got `\"end\"`",
    )
    expect(() => churnRate([], {} as never)).toThrow(TypeError)
    expect(() => churnRate([], { period: '2024-13', unit: 'month' })).toThrow(/period key/)
    expect(() => churnRate([], { trailingDays: 30 })).toThrow(/asOf/)
    expect(() => churnRate([], { ...march, graceDays: -1 })).toThrow(RangeError)
    expect(() => churnRate([], 'x' as never, march)).toThrow(/accessor/)
  })
})

describe('retentionRate', () => {
  it('reproduces E6: S = 200, N = 40, E = 220 gives 90 %', () => {
    const subs = [
      ...many('k', 180, '2023-01-01', null),
      ...many('l', 20, '2023-01-01', '2024-03-10'),
      ...many('n', 40, '2024-03-05', null),
    ]
    expect(retentionRate(subs, march)).toMatchObject({
      value: 0.9,
      atStart: 200,
      atEnd: 220,
      new: 40,
    })
  })

  it('reproduces E7: S = 1,000, E = 950, N = 100 gives 85 %', () => {
    const subs = [
      ...many('k', 850, '2023-01-01', null),
      ...many('l', 150, '2023-01-01', '2024-03-10'),
      ...many('n', 100, '2024-03-05', null),
    ]
    expect(retentionRate(subs, march).value).toBe(0.85)
  })

  it('is not 1 − churn: a customer who joins and leaves in the period lowers it, a reactivation raises it', () => {
    const r = retentionRate(e1, march)
    // E = 89 + back = 90; N = 1 (fleeting, gone by the end); S = 100: (90 − 1) / 100, while 1 − churn is 0.9
    expect(r.value).toBe(0.89)
    expect(r.reactivated).toBe(1)
    expect(retentionRate(e1, { ...march, entity: 'subscription' }).atStart).toBe(100)
  })

  it('counts subscriptions with entity: subscription', () => {
    const subs = [
      paid('two', '2023-01-01', null, { subscriptionId: 'a' }),
      paid('two', '2023-01-01', '2024-03-15', { subscriptionId: 'b' }),
    ]
    // One customer retained, but one of two subscriptions lost.
    expect(retentionRate(subs, march).value).toBe(1)
    expect(retentionRate(subs, { ...march, entity: 'subscription' }).value).toBe(0.5)
  })

  it('gives a series over a range, and null without customers at the start', () => {
    const s = retentionRate(e1, {
      range: { from: utc('2023-05-01'), to: utc('2023-07-01') },
      unit: 'month',
    })
    expect(s.periods.map((p) => p.result.value)).toEqual([null, null])
  })
})

describe('annualize and deannualize', () => {
  it('compound (E5): 3 % a month is 30.62 % a year; 30 % a year is 2.9286 % a month', () => {
    expect(annualize(0.03)).toBeCloseTo(0.3062, 4)
    expect(annualize(0.97, { kind: 'retention' })).toBeCloseTo(0.6938, 4)
    expect(deannualize(0.3)).toBeCloseTo(0.029286, 6)
    expect(deannualize(0.6938, { kind: 'retention' })).toBeCloseTo(0.97, 4)
  })

  it('take the number of periods in a year', () => {
    // 1 − 0.9^4
    expect(annualize(0.1, { periodsPerYear: 4 })).toBeCloseTo(0.3439, 12)
    expect(deannualize(0.3439, { periodsPerYear: 4 })).toBeCloseTo(0.1, 12)
  })

  it('pass null through and reject rates outside 0…1', () => {
    expect(annualize(null)).toBeNull()
    expect(() => annualize(3)).toThrow('annualize expected `rate` to be a number between 0 and 1, got `3`')
    expect(() => deannualize(0.1, { kind: 'loss' as never })).toThrow(RangeError)
  })
})

describe('mixing currencies', () => {
  it('is an error that names both', async () => {
    const { mrr } = await import('cx-metrics')
    const subs = [paid('a', '2024-01-01', null), paid('b', '2024-01-01', null, { currency: 'EUR' })]
    try {
      mrr(subs, { at: utc('2024-02-01') })
      expect.unreachable()
    } catch (e) {
      expect(isKpiError(e) && e.code).toBe('incompatible-input')
      expect(String(e)).toMatch(/EUR.*USD/)
    }
  })
})
