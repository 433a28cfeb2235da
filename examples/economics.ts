// Unit economics and predictive customer value, with every number checked by hand or against a paper.
import assert from 'node:assert/strict'
import {
  acquisitionCost,
  cacPayback,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  discountedResidualLifetime,
  fitBgNbd,
  fitGammaGamma,
  fitShiftedBetaGeometric,
  lifetimeValue,
  ltvToCacRatio,
  probabilityAlive,
  retentionCurve,
  rfmSummary,
  type SpendRecord,
} from 'cx-metrics'
import { loadCdnow } from './_cdnow.ts'

// CAC for March: $12,000 of media and $3,000 of salaries; 40 new customers, 10 of them from paid search.
const spend: SpendRecord[] = [
  { at: '2025-03-01T00:00:00Z', amount: 12_000, channel: 'paid-search', kind: 'media' },
  { at: '2025-03-01T00:00:00Z', amount: 3_000, channel: 'outbound', kind: 'salaries' },
]
const newCustomers = Array.from({ length: 40 }, (_, i) => ({
  customerId: `c${i}`,
  acquiredAt: '2025-03-12T00:00:00Z',
  channel: i < 10 ? 'paid-search' : 'organic',
}))
const march = { period: '2025-03', unit: 'month' } as const
const blended = acquisitionCost([...spend, ...newCustomers], march)
assert.equal(blended.value, 375) // 15,000 / 40
const paid = acquisitionCost([...spend, ...newCustomers], {
  ...march,
  attribution: 'paid',
  paidChannels: ['paid-search'],
})
assert.equal(paid.value, 1200) // 12,000 / 10
assert.equal(acquisitionCost([...spend, ...newCustomers], { ...march, costKinds: ['media'] }).value, 300)

// LTV: ARPA $150 a month at 80 % gross margin, 2.5 % monthly logo churn: 150 × 0.8 / 0.025 = $4,800.
const ltv = lifetimeValue({ arpa: 150, churn: 0.025, margin: 0.8 })
assert.equal(ltv.value, 4800)
assert.equal(ltv.basis, 'gross-margin')
// LTV:CAC 4,800 / 375 = 12.8; payback 375 / (150 × 0.8) = 3.125 months.
assert.equal(ltvToCacRatio(ltv, blended).value, 12.8)
assert.equal(cacPayback({ cac: blended, arpa: 150, margin: 0.8 }).value, 3.125)
// Zero churn is not infinite value: null, unless a lifetime cap is asked for (Stripe's 60 months).
assert.equal(lifetimeValue({ arpa: 150, churn: 0 }).value, null)
assert.equal(lifetimeValue({ arpa: 150, churn: 0 }, { maxLifetimeMonths: 60 }).value, 9000)

// Predictive CLV on CDNOW: the summary, the BG/NBD and Gamma-Gamma fits of Fader, Hardie & Lee (2005).
const summary = rfmSummary(loadCdnow(), { calibrationEnd: '1997-09-30T00:00:00Z' })
const purchases = fitBgNbd(summary)
assert.deepEqual(
  [purchases.r, purchases.alpha, purchases.a, purchases.b].map((v) => v.toFixed(3)),
  ['0.243', '4.414', '0.793', '2.426'],
)
const spendModel = fitGammaGamma(summary)
assert.deepEqual(
  [spendModel.p, spendModel.q, spendModel.gamma].map((v) => v.toFixed(2)),
  ['6.25', '3.74', '15.44'],
)
const first = summary.customers[0]
assert.ok(first !== undefined && first.frequency === 2)
assert.equal(conditionalExpectedPurchases(purchases, first, 39).toFixed(3), '1.226')
const values = customerLifetimeValue(summary.customers, {
  purchases,
  spend: spendModel,
  horizon: 12,
  discountRate: 0.01,
})
const top = values
  .filter((v) => v.value !== null)
  .sort((a, b) => (b.value as number) - (a.value as number))
  .slice(0, 3)
console.log(
  'Top CDNOW customers by 12-month CLV:',
  top.map((v) => `${v.customerId} $${(v.value as number).toFixed(0)}`).join(', '),
)
console.log('P(alive) of customer 1:', probabilityAlive(purchases, first).toFixed(3))

// Contractual retention: the sBG model of Fader & Hardie (2007) on their "regular" cohort.
const regular = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241])
assert.deepEqual([regular.alpha.toFixed(3), regular.beta.toFixed(3)], ['0.704', '1.182'])
const retention = retentionCurve(regular, 12)
console.log('Projected retention, years 1–12:', retention.map((r) => r.toFixed(2)).join(' '))
console.log(
  'DERL of a new customer at 10 %:',
  discountedResidualLifetime(regular, 0, 0.1)?.toFixed(2),
  'years',
)
