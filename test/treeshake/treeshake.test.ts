// Bundles single imports from the built package with esbuild (minified, gzip -9) and holds each to a
// budget, and checks that unrelated code does not ride along. Needs `npm run build` first.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundle } from './_bundle.ts'

const entry = resolve(import.meta.dirname, '../../dist/index.js')

/** Budgets in bytes, minified and gzipped. A single survey KPI must stay under 3 KB. */
const budgets: Record<string, number> = {
  fold: 300,
  combine: 700,
  foldAsync: 600,
  parseInstant: 700,
  wilsonInterval: 1300,
  npsInterval: 3000,
  twoProportionTest: 1800,
  welchTest: 2300,
  // The time layer carries date-fns and @date-fns/tz (about 4 KB of it).
  periodKey: 5200,
  byPeriod: 6600,
  byKey: 900,
  rolling: 1000,
  trailing: 4000,
  compare: 3600,
  // Survey KPIs. nps is held to the 3 KB of its issue; csat and ces carry five methods, six scales and
  // the t distribution of their mean's interval, and are held where they are today.
  nps: 3000,
  csat: 4500,
  ces: 4300,
  responseRate: 2100,
  accountLevel: 1900,
  roundForDisplay: 600,
  // Support KPIs load the business-hours engine (date-fns and @date-fns/tz) for their schedule option.
  businessDuration: 5200,
  firstReplyTime: 6600,
  resolutionTime: 6900,
  firstContactResolution: 3500,
  ticketSummaries: 1600,
  slaAttainment: 6500,
  // Lifecycle KPIs over periods carry the calendar (date-fns and @date-fns/tz); the snapshot, the
  // compounding helpers, growth and survival do not.
  churnRate: 9400,
  retentionRate: 8800,
  mrrMovements: 9200,
  revenueRetention: 9600,
  cohortRetention: 9900,
  mrr: 3300,
  customerLifetimes: 3900,
  annualize: 750,
  deannualize: 750,
  growth: 1450,
  survival: 3400,
  // Money figures of unit economics carry decimal.js (about 13 KB); the predictive models carry neither
  // it nor the calendar.
  acquisitionCost: 21_500,
  lifetimeValue: 15_300,
  ltvToCacRatio: 14_300,
  cacPayback: 15_300,
  cohortLifetimeValue: 1000,
  rfmSummary: 6700,
  fitBgNbd: 2200,
  expectedPurchases: 850,
  conditionalExpectedPurchases: 1050,
  probabilityAlive: 700,
  fitGammaGamma: 2600,
  conditionalExpectedSpend: 650,
  customerLifetimeValue: 1650,
  fitShiftedBetaGeometric: 1800,
  survivalCurve: 700,
  retentionCurve: 650,
  discountedResidualLifetime: 1050,
}

/** Identifiers that must not appear in a bundle that does not need them. */
const mustNotAppear: Record<string, string[]> = {
  fold: ['adjusted-wald', 'Float64Array', 'expected `', 'Intl.DateTimeFormat'],
  combine: ['Intl.DateTimeFormat'],
  wilsonInterval: ['adjusted-wald', 'clopper', 'bootstrap', 'Intl.DateTimeFormat'],
  parseInstant: ['wilson', 'Math.exp', 'Intl.DateTimeFormat'],
  byKey: ['Intl.DateTimeFormat'],
  rolling: ['Intl.DateTimeFormat'],
  nps: ['Intl.DateTimeFormat', 'bootstrap', 'trinomial-t', 'duplicateAccount ='],
  csat: ['Intl.DateTimeFormat'],
  mrr: ['Intl.DateTimeFormat'],
  customerLifetimes: ['Intl.DateTimeFormat'],
  annualize: ['Intl.DateTimeFormat', 'options.recognition'],
  growth: ['Intl.DateTimeFormat'],
  survival: ['Intl.DateTimeFormat', 'options.recognition'],
  fitBgNbd: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  fitGammaGamma: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  customerLifetimeValue: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  fitShiftedBetaGeometric: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  cohortLifetimeValue: ['toDecimalPlaces'],
  rfmSummary: ['toDecimalPlaces'],
}

describe('tree-shaking budgets (min + gzip)', () => {
  it('has a build to measure', () => {
    expect(existsSync(entry)).toBe(true)
  })
  it.each(Object.entries(budgets))('import { %s } stays within %d bytes', async (name, budget) => {
    const { gzip, code } = await bundle([name], entry)
    expect(gzip).toBeLessThanOrEqual(budget)
    for (const text of mustNotAppear[name] ?? []) expect(code).not.toContain(text)
  })
})
