// The predictive CLV models against the published CDNOW and sBG values (Fader, Hardie & Lee 2005; Fader
// & Hardie 2007) and against scipy: every expected value below is printed in the papers or comes from
// test/fixtures/cdnow/clv-scipy.json, written by test/reference/clv.py.

import { readFileSync } from 'node:fs'
import {
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  discountedResidualLifetime,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitShiftedBetaGeometric,
  probabilityAlive,
  retentionCurve,
  rfmSummary,
  survivalCurve,
} from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import scipy from '../fixtures/cdnow/clv-scipy.json' with { type: 'json' }

const lines = (name: string): string[] =>
  readFileSync(new URL(`../fixtures/cdnow/${name}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/)
const transactions = lines('CDNOW_sample.txt').map((line) => {
  const [, id, date, , value] = line.trim().split(/\s+/) as [string, string, string, string, string]
  return {
    customerId: String(Number(id)),
    at: Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
    amount: Number(value),
  }
})
const published = lines('cdnow_customers_summary_with_transactions.csv')
  .slice(1)
  .map((line) => line.split(','))
const calibration = { calibrationEnd: '1997-09-30T00:00:00Z', holdoutEnd: '1998-06-30T00:00:00Z' }
const summary = rfmSummary(transactions, calibration)
const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
const customers = scipy.customers.map(([x, tx, T, m]) => ({
  frequency: x as number,
  recency: tx as number,
  T: T as number,
  monetaryValue: m as number,
}))
const relative = (actual: number | null | undefined, expected: number, tolerance: number): void => {
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  )
}

describe('rfmSummary on CDNOW', () => {
  it('reproduces the published summary of all 2,357 customers', () => {
    expect(summary.customers).toHaveLength(2357)
    const byId = new Map(summary.customers.map((c) => [c.customerId, c]))
    for (const [id, x, tx, T, zbar] of published) {
      const c = byId.get(id as string)
      expect(c?.frequency).toBe(Number(x))
      expect(c?.recency.toFixed(2)).toBe(Number(tx).toFixed(2))
      expect(c?.T.toFixed(2)).toBe(Number(T).toFixed(2))
      // zbar is published rounded half up to cents
      expect(Math.abs((c?.monetaryValue as number) - Number(zbar))).toBeLessThanOrEqual(0.005 + 1e-9)
    }
  })

  it('merges same-day purchases, leaves the first purchase out, and counts the holdout', () => {
    expect(summary.customers.filter((c) => c.frequency > 0)).toHaveLength(946)
    expect(summary.customers.reduce((s, c) => s + c.frequency, 0)).toBe(2457)
    expect(summary.customers.reduce((s, c) => s + (c.holdoutFrequency ?? 0), 0)).toBe(1882)
    expect(summary.holdoutLength).toBeCloseTo(39, 0)
    expect(summary.unitDays).toBe(7)
    expect(summary.customers[0]).toMatchObject({ customerId: '1', frequency: 2, firstPurchase: '1997-01-01' })
  })

  it('measures in days, and merges days in the reporting zone', () => {
    const days = rfmSummary(transactions, { ...calibration, durationUnit: 'day' })
    expect(days.customers[0]?.T).toBe(272)
    // Two purchases at 23:30 and 00:30 UTC are one day in New York, two in UTC.
    const late = [
      { customerId: 'z', at: '2024-03-01T12:00:00Z', amount: 10 },
      { customerId: 'z', at: '2024-03-04T23:30:00Z', amount: 10 },
      { customerId: 'z', at: '2024-03-05T00:30:00Z', amount: 5 },
    ]
    const options = { calibrationEnd: '2024-03-31T00:00:00Z', durationUnit: 'day' } as const
    expect(rfmSummary(late, options).customers[0]?.frequency).toBe(2)
    expect(rfmSummary(late, { ...options, timeZone: 'America/New_York' }).customers[0]).toMatchObject({
      frequency: 1,
      monetaryValue: 15,
    })
    // Whole minor units: with none (JPY-like), 10.4 and 5.4 count as 10 and 5.
    const odd = late.map((t) => ({ ...t, amount: t.amount + 0.4 }))
    expect(rfmSummary(odd, options).customers[0]?.monetaryValue).toBeCloseTo(7.9, 12)
    expect(rfmSummary(odd, { ...options, minorUnits: 0 }).customers[0]?.monetaryValue).toBe(7.5)
    const junk = [...late, { customerId: 'z', at: 'yesterday', amount: 1 }]
    expect(rfmSummary(junk, options).excluded.invalid).toBe(1)
    expect(() => rfmSummary(junk, { ...options, onInvalid: 'throw' })).toThrow(/invalid/)
  })
})

describe('BG/NBD on CDNOW', () => {
  const model = fitBgNbd(summary)

  it('reproduces the published fit: r 0.243, α 4.414, a 0.793, b 2.426, log-likelihood −9582.4', () => {
    expect(model.r.toFixed(3)).toBe('0.243')
    expect(model.alpha.toFixed(3)).toBe('4.414')
    expect(model.a.toFixed(3)).toBe('0.793')
    expect(model.b.toFixed(3)).toBe('2.426')
    expect(model.logLikelihood.toFixed(1)).toBe('-9582.4')
    expect(model).toMatchObject({ converged: true, n: 2357, unitDays: 7 })
  })

  it('agrees with scipy on the published summary', () => {
    const rows = published.map(([, x, tx, T]) => ({
      frequency: Number(x),
      recency: Number(tx),
      T: Number(T),
    }))
    const fit = fitBgNbd(rows)
    relative(fit.logLikelihood, scipy.bgnbd.logLikelihood, 1e-9)
    for (const key of ['r', 'alpha', 'a', 'b'] as const) relative(fit[key], scipy.bgnbd[key], 1e-5)
  })

  it('predicts E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226 with the published parameters', () => {
    expect(conditionalExpectedPurchases(paper, customers[0] as never, 39).toFixed(3)).toBe('1.226')
    scipy.publishedParams.conditional39.forEach((v, i) => {
      relative(conditionalExpectedPurchases(paper, customers[i] as never, 39), v, 1e-10)
    })
    scipy.publishedParams.alive.forEach((v, i) => {
      relative(probabilityAlive(paper, customers[i] as never), v, 1e-12)
    })
    for (const [t, v] of Object.entries(scipy.publishedParams.expected))
      relative(expectedPurchases(paper, Number(t)), v, 1e-10)
    expect(probabilityAlive(paper, { frequency: 0, recency: 0, T: 30 })).toBe(1)
  })

  it('reports a fit that ran out of budget as not converged, and leaves invalid rows out', () => {
    expect(fitBgNbd(summary, { maxEvaluations: 50 }).converged).toBe(false)
    const odd = fitBgNbd([
      ...summary.customers,
      { frequency: 1.5, recency: 1, T: 2 },
      { frequency: 0, recency: 3, T: 2 },
    ])
    expect(odd.excluded.invalid).toBe(2)
    expect(fitBgNbd(summary.customers, { unitDays: 1 }).unitDays).toBe(1)
    // Another start reaches the same maximum; a loose tolerance stops earlier.
    const elsewhere = fitBgNbd(summary, { start: { r: 2, alpha: 10, a: 0.5, b: 5 } })
    expect(elsewhere.logLikelihood).toBeCloseTo(model.logLikelihood, 6)
    expect(fitBgNbd(summary, { tolerance: 1e-3 }).iterations).toBeLessThan(model.iterations)
    expect(() => expectedPurchases({ r: -1, alpha: 1, a: 1, b: 1 }, 3)).toThrow(TypeError)
  })
})

describe('Gamma-Gamma on CDNOW', () => {
  const spend = fitGammaGamma(summary)

  it('reproduces the published fit on 946 customers: p 6.25, q 3.74, γ 15.44', () => {
    expect(spend.p.toFixed(2)).toBe('6.25')
    expect(spend.q.toFixed(2)).toBe('3.74')
    expect(spend.gamma.toFixed(2)).toBe('15.44')
    expect(spend).toMatchObject({ n: 946, converged: true, excluded: { noRepeat: 1411, invalid: 0 } })
  })

  it('agrees with scipy on the published summary, and in its predictions', () => {
    const rows = published.map(([, x, tx, T, m]) => ({
      frequency: Number(x),
      recency: Number(tx),
      T: Number(T),
      monetaryValue: Number(m),
    }))
    const fit = fitGammaGamma(rows)
    relative(fit.logLikelihood, scipy.gammaGamma.logLikelihood, 1e-9)
    for (const key of ['p', 'q', 'gamma'] as const) relative(fit[key], scipy.gammaGamma[key], 1e-5)
    relative(fit.correlation, scipy.gammaGamma.correlation, 1e-12)
    scipy.gammaGamma.conditionalSpend.forEach((v, i) => {
      if (v !== null) relative(conditionalExpectedSpend(scipy.gammaGamma, customers[i] as never), v, 1e-12)
    })
    relative(
      conditionalExpectedSpend(scipy.gammaGamma, { frequency: 0, recency: 0, T: 1 }),
      scipy.gammaGamma.populationMean,
      1e-12,
    )
  })

  it('refuses when spend correlates with frequency', () => {
    const correlated = Array.from({ length: 50 }, (_, i) => ({
      frequency: 1 + (i % 10),
      recency: 1,
      T: 2,
      monetaryValue: 10 + 5 * (i % 10),
    }))
    expect(() => fitGammaGamma(correlated)).toThrow(/correlates with purchase frequency \(r = 1\.000/)
    expect(fitGammaGamma(correlated, { maxCorrelation: 1 }).n).toBe(50)
    expect(fitGammaGamma(summary, { start: { p: 3, q: 2, gamma: 5 } }).logLikelihood).toBeCloseTo(
      spend.logLikelihood,
      6,
    )
    expect(fitGammaGamma(summary, { maxEvaluations: 20 }).converged).toBe(false)
    expect(fitGammaGamma(summary, { tolerance: 1e-2 }).iterations).toBeLessThan(spend.iterations)
  })
})

describe('customerLifetimeValue', () => {
  const models = { purchases: scipy.bgnbd, spend: scipy.gammaGamma }
  it('agrees with scipy: 12 monthly steps of 30 days, 1 % a month', () => {
    const values = customerLifetimeValue(customers, {
      ...models,
      horizon: 12,
      discountRate: 0.01,
    })
    scipy.clv.forEach((v, i) => {
      if (v !== null) relative(values[i]?.value, v, 1e-10)
    })
    expect(values[1]?.expectedSpend).toBeCloseTo(scipy.gammaGamma.populationMean, 10)
  })

  it('takes the horizon, the unit, the discount rate and the summary unit', () => {
    const one = [customers[0] as never]
    const base = customerLifetimeValue(one, {
      ...models,
      horizon: 12,
    })[0]?.value as number
    expect(
      customerLifetimeValue(one, {
        ...models,
        horizon: 24,
      })[0]?.value,
    ).toBeGreaterThan(base)
    expect(
      customerLifetimeValue(one, {
        ...models,
        horizon: 12,
        discountRate: 0.05,
      })[0]?.value,
    ).toBeLessThan(base)
    // 52 weekly steps of 7 days cover 52 weeks; 12 months of 30 days cover 51.4 weeks.
    const weekly = customerLifetimeValue(one, {
      ...models,
      horizon: 52,
      periodDays: 7,
    })[0]?.value as number
    relative(
      weekly,
      conditionalExpectedPurchases(scipy.bgnbd, customers[0] as never, 52) *
        (scipy.gammaGamma.conditionalSpend[0] as number),
      1e-10,
    )
    const inDays = customerLifetimeValue(one, {
      purchases: { ...scipy.bgnbd, unitDays: 1 },
      spend: scipy.gammaGamma,
      horizon: 12,
    })[0]?.value
    expect(inDays).not.toBeCloseTo(base, 3)
    expect(
      customerLifetimeValue(one, {
        ...models,
        horizon: 12,
        unitDays: 1,
      })[0]?.value,
    ).toBe(inDays)
    expect(
      customerLifetimeValue([{ frequency: -1, recency: 0, T: 1 }], {
        ...models,
        horizon: 1,
      })[0]?.value,
    ).toBeNull()
  })
})

describe('shifted-beta-geometric (Fader & Hardie 2007)', () => {
  const regular = [1000, 631, 468, 382, 326, 289, 262, 241]
  const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491]

  it('reproduces the published fits: regular α 0.704, β 1.182; high end α 0.668, β 3.806', () => {
    const r = fitShiftedBetaGeometric(regular)
    const h = fitShiftedBetaGeometric(highEnd)
    expect([r.alpha.toFixed(3), r.beta.toFixed(3), h.alpha.toFixed(3), h.beta.toFixed(3)]).toEqual([
      '0.704',
      '1.182',
      '0.668',
      '3.806',
    ])
    relative(r.logLikelihood, scipy.sbg.regular.logLikelihood, 1e-10)
    relative(h.logLikelihood, scipy.sbg.highEnd.logLikelihood, 1e-10)
    expect(r).toMatchObject({ converged: true, periodCount: 7, cohortSize: 1000 })
  })

  it('projects survival and retention beyond the data, and values a customer by DERL', () => {
    for (const name of ['regular', 'highEnd'] as const) {
      const p = scipy.sbg[name]
      for (const [t, s] of survivalCurve(p, 12).entries()) relative(s, p.survival[t] as number, 1e-12)
      for (const [t, r] of retentionCurve(p, 12).entries()) relative(r, p.retention[t] as number, 1e-12)
      for (const [n, v] of Object.entries(p.derl10))
        relative(discountedResidualLifetime(p, Number(n), 0.1), v, 1e-10)
    }
    // Retention rises with tenure: the customers most likely to churn leave first.
    const r = retentionCurve(scipy.sbg.regular, 12)
    expect(r.every((x, i) => i === 0 || x > (r[i - 1] as number))).toBe(true)
    // Undiscounted, the expected lifetime is infinite when α ≤ 1, and finite otherwise (Gauss's theorem).
    expect(discountedResidualLifetime(scipy.sbg.regular, 0, 0)).toBeNull()
    // With α = 2, β = 3 it is E[(1 − θ)/θ] = (α + β − 1)/(α − 1) − 1 = 3 payments.
    relative(discountedResidualLifetime({ alpha: 2, beta: 3 }, 0, 0), 3, 1e-12)
    expect(() => fitShiftedBetaGeometric([1000, 1200])).toThrow(TypeError)
    expect(fitShiftedBetaGeometric(regular, { start: { alpha: 5, beta: 0.2 } }).alpha.toFixed(3)).toBe(
      '0.704',
    )
    expect(fitShiftedBetaGeometric(regular, { maxEvaluations: 10 }).converged).toBe(false)
    expect(fitShiftedBetaGeometric(regular, { tolerance: 1e-2 }).iterations).toBeLessThan(
      fitShiftedBetaGeometric(regular).iterations,
    )
  })
})
