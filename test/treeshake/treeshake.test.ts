// Bundles single imports from the built package with esbuild (minified, gzip -9) and holds each to a
// budget, and checks that unrelated code does not ride along. Needs `npm run build` first.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundle } from './_bundle.ts'
import { budgets } from './budgets.ts'

const entry = resolve(import.meta.dirname, '../../dist/index.js')

/** Identifiers that must not appear in a bundle that does not need them. */
const mustNotAppear: Record<string, string[]> = {
  fold: ['adjusted-wald', 'Float64Array', 'expected `', 'Intl.DateTimeFormat'],
  combine: ['Intl.DateTimeFormat'],
  wilsonInterval: ['adjusted-wald', 'clopper', 'bootstrap', 'Intl.DateTimeFormat'],
  // parseInstant reads offset-less strings in an `inputTimeZone`, so it carries the zone offset lookup
  // (Intl.DateTimeFormat), but not the calendar (TZDate, whose `withTimeZone` survives minification).
  parseInstant: ['wilson', 'Math.exp', 'withTimeZone'],
  byKey: ['Intl.DateTimeFormat'],
  rolling: ['Intl.DateTimeFormat'],
  // The display lives behind cx-metrics/notebook: nothing of it reaches a KPI's bundle.
  nps: [
    'Intl.DateTimeFormat',
    'bootstrap',
    'trinomial-t',
    'duplicateAccount =',
    'Jupyter.display',
    'aria-label',
  ],
  csat: ['Intl.DateTimeFormat'],
  mrr: ['withTimeZone'],
  customerLifetimes: ['withTimeZone'],
  annualize: ['Intl.DateTimeFormat', 'options.recognition'],
  growth: ['Intl.DateTimeFormat'],
  survival: ['Intl.DateTimeFormat', 'options.recognition'],
  fitBgNbd: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  fitGammaGamma: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  customerLifetimeValue: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  fitShiftedBetaGeometric: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  cohortLifetimeValue: ['toDecimalPlaces'],
  rfmSummary: ['toDecimalPlaces'],
  themes: ['Intl.DateTimeFormat', 'toDecimalPlaces'],
  tagComment: ['Intl.DateTimeFormat', 'adjusted-wald'],
  netSentiment: ['Intl.DateTimeFormat'],
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

// cx-metrics/notebook formats any result by its KPI's descriptor, so `show` carries every descriptor and the
// KPIs they name, the health composer among them (about 78 KB); `toRows` reads only the results. Today's sizes + 3 %, rounded up to 50 B.
const notebookBudgets: Record<string, number> = {
  show: 84_700,
  toSvg: 83_700,
  toHtml: 84_350,
  toVegaLite: 74_850,
  toRows: 3600,
}

describe('tree-shaking budgets of cx-metrics/notebook (min + gzip)', () => {
  const notebook = resolve(import.meta.dirname, '../../dist/notebook/index.js')
  it.each(Object.entries(notebookBudgets))('import { %s } stays within %d bytes', async (name, budget) => {
    const { gzip, code } = await bundle([name], notebook)
    expect(gzip).toBeLessThanOrEqual(budget)
    if (name === 'toRows') expect(code).not.toContain('aria-label')
  })
})

// cx-metrics/sql carries the aggregators it reads rows back into — the five survey KPIs, FCR, SLA
// attainment, first reply and resolution times (with the business-hours code their calendars are
// generated with), survival, the RFM summary's option checks, churn, MRR movements, revenue retention and cohort tables —,
// byPeriod and byKey — not the catalog of every KPI, the display or zod. Today's sizes + 3 %, rounded up to 50 B.
const sqlBudgets: Record<string, number> = {
  warehouseQuery: 44_400,
  warehouseResult: 36_900,
  inWarehouse: 48_900,
}

describe('tree-shaking budgets of cx-metrics/sql (min + gzip)', () => {
  const sql = resolve(import.meta.dirname, '../../dist/sql/index.js')
  it.each(Object.entries(sqlBudgets))('import { %s } stays within %d bytes', async (name, budget) => {
    const { gzip, code } = await bundle([name], sql)
    expect(gzip).toBeLessThanOrEqual(budget)
    for (const foreign of ['aria-label', 'ltvToCacRatio', 'ZodError', 'Jupyter.display'])
      expect(code).not.toContain(foreign)
  })
})
