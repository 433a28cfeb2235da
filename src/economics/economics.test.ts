import {
  acquisitionCost,
  cacPayback,
  cohortLifetimeValue,
  isKpiError,
  lifetimeValue,
  ltvToCacRatio,
  type NewCustomer,
  type SpendRecord,
} from 'cx-metrics'
import { describe, expect, it } from 'vitest'

const day = { period: '2024-03-05', unit: 'day' } as const
const at = '2024-03-05T10:00:00Z'
const customers = (channel: string, count: number, prefix = channel): NewCustomer[] =>
  Array.from({ length: count }, (_, i) => ({ customerId: `${prefix}${i}`, acquiredAt: at, channel }))

describe('acquisitionCost', () => {
  // Spec §7 E1: $1,000 a day, 20 new customers a day, 5 of them from paid: blended $50, paid $200.
  const spend: SpendRecord[] = [{ at, amount: 1000, channel: 'ads', kind: 'media' }]
  const people = [...customers('ads', 5), ...customers('organic', 15)]

  it('reproduces E1: blended $50, paid $200', () => {
    const blended = acquisitionCost([...spend, ...people], day)
    expect(blended).toMatchObject({
      value: 50,
      exact: '50',
      spend: 1000,
      newCustomers: 20,
      attribution: 'blended',
    })
    const paid = acquisitionCost([...spend, ...people], {
      ...day,
      attribution: 'paid',
      paidChannels: ['ads'],
    })
    expect(paid).toMatchObject({ value: 200, newCustomers: 5 })
  })

  it('reproduces E2: $1,000 on ads, 100 sales, 50 from ads: blended $10, paid $20', () => {
    const sales = [...customers('ads', 50), ...customers('direct', 50)]
    expect(acquisitionCost([...spend, ...sales], day).value).toBe(10)
    expect(
      acquisitionCost([...spend, ...sales], { ...day, attribution: 'paid', paidChannels: ['ads'] }).value,
    ).toBe(20)
  })

  it('breaks the figures down per channel', () => {
    const r = acquisitionCost([...spend, { at, amount: 300, channel: 'events', kind: 'events' }, ...people], {
      ...day,
      attribution: 'per-channel',
    })
    expect(r.channels).toEqual({
      ads: { value: 200, exact: '200', spend: 1000, newCustomers: 5 },
      events: { value: null, exact: null, spend: 300, newCustomers: 0 },
      organic: { value: 0, exact: '0', spend: 0, newCustomers: 15 },
    })
    expect(r.value).toBe(65)
  })

  it('counts only the cost kinds asked for', () => {
    const mixed = [...spend, { at, amount: 500, channel: 'ads', kind: 'salaries' }]
    expect(acquisitionCost([...mixed, ...people], day).value).toBe(75)
    const media = acquisitionCost([...mixed, ...people], { ...day, costKinds: ['media'] })
    expect(media.value).toBe(50)
    expect(media.excluded.otherKind).toBe(1)
  })

  it('sets the previous period’s spend against this period’s customers with a lag (SaaSGrid)', () => {
    const monthly: SpendRecord[] = [
      { at: '2024-02-01T00:00:00Z', amount: 3000 },
      { at: '2024-03-01T00:00:00Z', amount: 9000 },
    ]
    const march = customers('x', 30).map((c) => ({ ...c, acquiredAt: '2024-03-10T00:00:00Z' }))
    expect(acquisitionCost([...monthly, ...march], { period: '2024-03', unit: 'month' }).value).toBe(300)
    expect(acquisitionCost([...monthly, ...march], { period: '2024-03', unit: 'month', lag: 1 }).value).toBe(
      100,
    )
    const series = acquisitionCost([...monthly, ...march], {
      range: { from: '2024-02-01T00:00:00Z', to: '2024-04-01T00:00:00Z' },
      unit: 'month',
      lag: 1,
    })
    expect(series.periods.map((p) => [p.period.key, p.result.spend, p.result.value])).toEqual([
      ['2024-02', 0, null],
      ['2024-03', 3000, 100],
    ])
  })

  it('does not count a reactivated customer as new', () => {
    const again = [...people, { customerId: 'ads0', acquiredAt: '2024-03-05T18:00:00Z', channel: 'ads' }]
    const r = acquisitionCost([...spend, ...again], day)
    expect(r.newCustomers).toBe(20)
    expect(r.excluded.duplicate).toBe(1)
    // The first acquisition decides the period.
    const earlier = acquisitionCost(
      [...spend, ...people, { customerId: 'ads0', acquiredAt: '2024-03-04T10:00:00Z' }],
      day,
    )
    expect(earlier.newCustomers).toBe(19)
  })

  it('measures a trailing window before asOf', () => {
    const r = acquisitionCost([...spend, ...people], { trailingDays: 7, asOf: '2024-03-08T00:00:00Z' })
    expect(r.value).toBe(50)
    expect(
      acquisitionCost([...spend, ...people], { trailingDays: 2, asOf: '2024-03-08T00:00:00Z' }).value,
    ).toBeNull()
  })

  it('reports the spend and null without new customers', () => {
    expect(acquisitionCost([...spend], day)).toMatchObject({
      value: null,
      reason: 'zero-denominator',
      spend: 1000,
    })
  })

  it('sums money exactly', () => {
    const cents: SpendRecord[] = [
      { at, amount: 0.1 },
      { at, amount: 0.2 },
      { at, amount: '0.05' },
    ]
    const r = acquisitionCost([...cents, ...customers('x', 7)], day)
    expect(r.spendExact).toBe('0.35')
    expect(r.exact).toBe('0.05')
    expect(r.value).toBe(0.05)
  })

  it('refuses to mix currencies and counts invalid records', () => {
    try {
      acquisitionCost(
        [
          { at, amount: 1, currency: 'USD' },
          { at, amount: 1, currency: 'EUR' },
        ],
        day,
      )
      expect.unreachable()
    } catch (e) {
      expect(isKpiError(e) && e.code).toBe('incompatible-input')
      expect(String(e)).toMatch(/EUR.*USD/)
    }
    expect(() => acquisitionCost([{ at, amount: 1, currency: 'EUR' }], { ...day, currency: 'USD' })).toThrow(
      /EUR.*USD/,
    )
    expect(() => acquisitionCost([{ at: 'soon', amount: 1 }], { ...day, onInvalid: 'throw' })).toThrow(
      /invalid/,
    )
    const bad = acquisitionCost(
      [{ at: 'soon', amount: 1 }, { at, amount: 'ten' } as never, { customerId: 'a' } as never],
      day,
    )
    expect(bad.excluded).toMatchObject({ invalid: 2, missing: 1 })
    expect(() => acquisitionCost([...spend, ...people], { ...day, attribution: 'paid' })).toThrow(
      /paidChannels/,
    )
    expect(() =>
      acquisitionCost([...spend, ...people], { period: { from: at, to: '2024-03-06T00:00:00Z' }, lag: 1 }),
    ).toThrow(/unit/)
  })
})

describe('lifetimeValue', () => {
  it('reproduces E1–E4: ARPA × margin / churn', () => {
    expect(lifetimeValue({ arpa: 100, churn: 0.05 })).toMatchObject({
      value: 2000,
      exact: '2000',
      basis: 'revenue',
      lifetimePeriods: 20,
    })
    expect(lifetimeValue({ arpa: 80, churn: 0.04 }).value).toBe(2000)
    expect(lifetimeValue({ arpa: 80, churn: 0.04, margin: 0.8 })).toMatchObject({
      value: 1600,
      basis: 'gross-margin',
    })
    expect(lifetimeValue({ arpa: 100, churn: 0.05, margin: 0.7 }).value).toBe(1400)
    // $1,226 × 0.78 / 0.014 = $68,305.71
    expect(lifetimeValue({ arpa: 1226, churn: 0.014, margin: 0.78 }).exact).toBe('68305.7142857143')
  })

  it('reproduces E7: ARPA from MRR and customers ($1,500 over 5 customers is $300)', () => {
    expect(lifetimeValue({ mrr: 1500, customers: 5, churn: 0.05 })).toMatchObject({ arpa: 300, value: 6000 })
    expect(lifetimeValue({ mrr: 0, customers: 0, churn: 0.05 })).toMatchObject({
      value: null,
      reason: 'no-data',
    })
  })

  it('uses 1 − net revenue retention with churnBasis: net-revenue (ProfitWell)', () => {
    expect(lifetimeValue({ arpa: 100, nrr: 0.97 }, { churnBasis: 'net-revenue' }).value).toBeCloseTo(
      100 / 0.03,
      9,
    )
    expect(lifetimeValue({ arpa: 100, nrr: 1.02 }, { churnBasis: 'net-revenue' })).toMatchObject({
      value: null,
      reason: 'negative-churn',
    })
    expect(lifetimeValue({ arpa: 100, churn: 0.05, nrr: 0.97 }).value).toBe(2000)
  })

  it('gives null for zero churn, or a capped lifetime when asked (Stripe: 60 months)', () => {
    expect(lifetimeValue({ arpa: 100, churn: 0 })).toMatchObject({ value: null, reason: 'zero-churn' })
    expect(lifetimeValue({ arpa: 100, churn: 0 }, { maxLifetimeMonths: 60 })).toMatchObject({
      value: 6000,
      lifetimePeriods: 60,
    })
    // A 1 % churn implies 100 months; the cap keeps 60.
    expect(() => lifetimeValue({ arpa: 100, churn: 0 }, { maxLifetimeMonths: true as never })).toThrow(
      'lifetimeValue expected `options.maxLifetimeMonths`',
    )
    expect(lifetimeValue({ arpa: 100, churn: 0 }, { maxLifetimeMonths: 24 }).value).toBe(2400)
    expect(lifetimeValue({ arpa: 100, churn: 0.01 }, { maxLifetimeMonths: 60 }).value).toBe(6000)
    expect(lifetimeValue({ arpa: 100, churn: 0.05 }, { maxLifetimeMonths: 60 }).value).toBe(2000)
    // Yearly figures: 60 months are 5 years.
    expect(
      lifetimeValue(
        { arpa: 1200, churn: 0, arpaPeriod: 'year', churnPeriod: 'year' },
        { maxLifetimeMonths: 60 },
      ).value,
    ).toBe(6000)
  })

  it('discounts with end- or start-of-period cash flows', () => {
    // m / (1 + d − r) = 100 / (1.01 − 0.95); start of period: × 1.01
    expect(lifetimeValue({ arpa: 100, churn: 0.05 }, { discountRate: 0.01 }).value).toBeCloseTo(100 / 0.06, 9)
    expect(
      lifetimeValue({ arpa: 100, churn: 0.05 }, { discountRate: 0.01, paymentTiming: 'start' }).value,
    ).toBeCloseTo(101 / 0.06, 9)
    // Capped at 3 months, no churn: 100/1.01 + 100/1.01² + 100/1.01³
    expect(
      lifetimeValue({ arpa: 100, churn: 0 }, { discountRate: 0.01, maxLifetimeMonths: 3 }).value,
    ).toBeCloseTo(294.0985, 4)
    expect(
      lifetimeValue(
        { arpa: 100, churn: 0 },
        { discountRate: 0.01, maxLifetimeMonths: 3, paymentTiming: 'start' },
      ).value,
    ).toBeCloseTo(100 + 100 / 1.01 + 100 / 1.01 ** 2, 9)
  })

  it('refuses monthly ARPA with annual churn', () => {
    expect(() => lifetimeValue({ arpa: 100, churn: 0.3, churnPeriod: 'year' })).toThrow(
      'lifetimeValue expected `input.churnPeriod` to be the period of the ARPA (\'month\'): convert one of them first, got `"year"`',
    )
    expect(() => lifetimeValue({ arpa: 100 })).toThrow(/churn/)
    expect(() => lifetimeValue({ arpa: 100, churn: 0.05, margin: 80 })).toThrow(RangeError)
  })
})

describe('ltvToCacRatio', () => {
  it('reproduces E2: LTV $100, CAC $50 is 2', () => {
    expect(ltvToCacRatio(100, 50)).toMatchObject({ value: 2, exact: '2', reason: null })
  })

  it('takes results, and gives null with a reason', () => {
    const ltv = lifetimeValue({ arpa: 100, churn: 0.05, margin: 0.75 })
    expect(ltvToCacRatio(ltv, { value: 500, exact: '500' }).value).toBe(3)
    expect(ltvToCacRatio(ltv, 0).reason).toBe('zero-denominator')
    expect(ltvToCacRatio(ltv, -5).reason).toBe('negative-cac')
    expect(ltvToCacRatio(lifetimeValue({ arpa: 100, churn: 0 }), 50).reason).toBe('no-ltv')
    expect(ltvToCacRatio(100, { value: null }).reason).toBe('no-cac')
    expect(() => ltvToCacRatio('lots', 5)).toThrow(TypeError)
  })
})

describe('cacPayback', () => {
  it('reproduces E1: CAC $8,000, $1,200 a month at 78 % margin is 8.55 months', () => {
    const r = cacPayback({ cac: 8000, arpa: 1200, margin: 0.78 })
    expect(r.value).toBeCloseTo(8.547, 3)
    expect(r).toMatchObject({ method: 'per-customer', basis: 'gross-margin' })
    expect(cacPayback({ cac: 8000, arpa: 1200 })).toMatchObject({ value: 8000 / 1200, basis: 'revenue' })
  })

  const quarter = { new: 2000, expansion: 500, contraction: 200, churn: 1000, reactivation: 100 }
  it('divides spend by the MRR added, on the basis asked for', () => {
    expect(cacPayback({ spend: 10_000, movements: quarter, margin: 0.8 }).value).toBe(6.25)
    expect(
      cacPayback({ spend: 10_000, movements: quarter, margin: 0.8 }, { mrrBasis: 'new-plus-expansion' })
        .value,
    ).toBe(5)
    // 2000 + 500 + 100 − 200 − 1000 = 1400
    expect(
      cacPayback({ spend: 10_000, movements: quarter, margin: 0.8 }, { mrrBasis: 'net-new' }).value,
    ).toBeCloseTo(10_000 / 1120, 12)
    expect(cacPayback({ spend: 10_000, newMrr: 2000 }).value).toBe(5)
  })

  it('lags spend over a series (SaaSGrid)', () => {
    const r = cacPayback(
      { spend: [10_000, 20_000], movements: [quarter, { ...quarter, new: 4000 }], margin: 0.5 },
      { lag: 1 },
    )
    expect(r.map((x) => [x.value, x.reason])).toEqual([
      [null, 'no-spend'],
      [5, null],
    ])
  })

  it('gives null for zero or negative denominators', () => {
    expect(
      cacPayback({ spend: 10_000, movements: { ...quarter, churn: 5000 } }, { mrrBasis: 'net-new' }).reason,
    ).toBe('non-positive-revenue')
    expect(cacPayback({ cac: 100, arpa: 0 }).reason).toBe('non-positive-revenue')
    expect(cacPayback({ cac: 100, arpa: 10, margin: 0 }).reason).toBe('zero-margin')
    expect(cacPayback({ cac: { value: null }, arpa: 10 }).reason).toBe('no-cac')
  })
})

describe('cohortLifetimeValue', () => {
  const table = {
    basis: 'revenue',
    columns: ['0', '1', '2'],
    cohorts: [
      {
        period: { key: '2024-01' },
        size: 2,
        cells: [
          { retained: 200, complete: true },
          { retained: 250, complete: true },
          { retained: 150, complete: true },
        ],
      },
      {
        period: { key: '2024-02' },
        size: 4,
        cells: [
          { retained: 400, complete: true },
          { retained: 300, complete: true },
          { retained: null, complete: false },
        ],
      },
    ],
  }

  it('accumulates margin per acquired customer, and averages complete cells', () => {
    const r = cohortLifetimeValue(table, { margin: 0.5 })
    // January: 200, 450, 600 of revenue over 2 customers at 50 %: 50, 112.5, 150
    expect(r.cohorts[0]?.cumulative).toEqual([50, 112.5, 150])
    expect(r.cohorts[1]?.cumulative).toEqual([50, 87.5, null])
    // Weighted: (100 + 200) / 6, (225 + 350) / 6, 300 / 2
    expect(r.average).toEqual([50, 575 / 6, 150])
    expect(cohortLifetimeValue(table, { margin: 0.5, average: 'mean' }).average[1]).toBe((112.5 + 87.5) / 2)
    expect(cohortLifetimeValue(table).basis).toBe('revenue')
    expect(() => cohortLifetimeValue({ ...table, basis: 'logo' })).toThrow(TypeError)
  })
})

describe('argument errors name the function, the argument and what was expected', () => {
  it('for the formula KPIs', () => {
    expect(() => cacPayback(null as never)).toThrow(/cacPayback expected `input`/)
    expect(() => cacPayback({ margin: 0.5 } as never)).toThrow(/cacPayback expected `input`/)
    expect(() => cacPayback({ spend: [1, 2], movements: [] } as never)).toThrow(/as long as `input.spend`/)
    expect(() => cacPayback({ spend: 1, newMrr: 5 }, { lag: 1 })).toThrow(/cacPayback expected `options.lag`/)
    expect(() => cacPayback({ spend: 1, newMrr: 5 }, { mrrBasis: 'net-new' })).toThrow(
      /needs more than new MRR/,
    )
    expect(() => cacPayback({ spend: 1, movements: 'lots' as never })).toThrow(/MRR movements/)
    expect(() => cacPayback({ cac: 'ten', arpa: 5 })).toThrow(/cacPayback expected `input.cac`/)
    expect(() => lifetimeValue({ arpa: 'lots', churn: 0.1 })).toThrow(/lifetimeValue expected `input.arpa`/)
    expect(() => lifetimeValue({ mrr: 5 } as never)).toThrow(/input.customers/)
    expect(() => lifetimeValue(null as never)).toThrow(TypeError)
    expect(() => lifetimeValue({ arpa: 100 }, { churnBasis: 'net-revenue' })).toThrow(/input.nrr/)
  })

  it('for the models', async () => {
    const m = await import('cx-metrics')
    expect(() => m.fitBgNbd(5 as never)).toThrow(/fitBgNbd expected `summary`/)
    expect(() => m.conditionalExpectedSpend({ p: 1, q: 2, gamma: 1 }, { frequency: -1 } as never)).toThrow(
      /customer/,
    )
    expect(() =>
      m.conditionalExpectedSpend({ p: 1, q: 0.5, gamma: 1 }, { frequency: 1, recency: 1, T: 2 }),
    ).toThrow(/q > 1/)
    expect(() => m.survivalCurve({ alpha: 0, beta: 1 }, 3)).toThrow(/survivalCurve expected `params`/)
    expect(() =>
      m.probabilityAlive({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 1, recency: 5, T: 2 }),
    ).toThrow(/customer/)
    expect(() =>
      m.customerLifetimeValue(5 as never, {
        purchases: { r: 1, alpha: 1, a: 2, b: 1 },
        spend: { p: 1, q: 2, gamma: 1 },
        horizon: 1,
      }),
    ).toThrow(/customers/)
    expect(() =>
      m.customerLifetimeValue([], { purchases: { r: 1, alpha: 1, a: 2, b: 1 }, horizon: 1 } as never),
    ).toThrow('customerLifetimeValue expected `options.spend` to be Gamma-Gamma parameters')
    expect(() =>
      m.customerLifetimeValue([], {
        purchases: { r: 1, alpha: 1, a: 2, b: 1 },
        spend: { p: 1, q: 2, gamma: 1 },
        horizon: 1,
        unit: 'week',
      } as never),
    ).toThrow('(did you mean `periodDays`?)')
    expect(() => m.rfmSummary([], {} as never)).toThrow(/calibrationEnd/)
    expect(() =>
      m.rfmSummary([], {
        calibrationEnd: '2024-01-02T00:00:00Z',
        holdoutEnd: '2024-01-01T00:00:00Z',
      }),
    ).toThrow(/holdoutEnd/)
  })
})
