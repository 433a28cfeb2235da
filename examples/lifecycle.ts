// Churn, retention, MRR movements, revenue retention, cohorts and survival from a handful of subscriptions,
// with every number checked by hand in the comments.
import assert from 'node:assert/strict'
import {
  annualize,
  churnRate,
  cohortRetention,
  customerLifetimes,
  growth,
  mrr,
  mrrMovements,
  retentionRate,
  revenueRetention,
  type Subscription,
  survival,
} from 'cx-metrics'

const at = (date: string): string => `${date}T00:00:00Z`
const monthly = (
  customerId: string,
  amount: number,
  start: string,
  end: string | null = null,
): Subscription => ({
  customerId,
  subscriptionId: `${customerId}:${start}`,
  start: at(start),
  end: end === null ? null : at(end),
  amount,
  billingInterval: 'month',
  currency: 'USD',
})

const subscriptions: Subscription[] = [
  monthly('ada', 50, '2024-01-05'),
  monthly('bo', 30, '2024-01-20', '2024-03-20'), // churns in March
  monthly('cy', 20, '2024-02-01', '2024-03-10'), // upgrades in March…
  monthly('cy', 45, '2024-03-10'), // …from $20 to $45
  monthly('dee', 40, '2024-02-15', '2024-03-05'), // leaves in March and comes back in March
  monthly('dee', 40, '2024-03-25'),
  monthly('eve', 25, '2024-03-02', '2024-03-28'), // joins and leaves in March
  { ...monthly('fay', 1200, '2024-01-10'), billingInterval: 'year' }, // $100 a month
  { ...monthly('gus', 0, '2024-03-01', '2024-03-15'), trial: true }, // a trial: never a customer
]
const march = { period: '2024-03', unit: 'month' } as const

// Churn (ChartMogul's standard): 5 customers at the start (ada, bo, cy, dee, fay); bo churned; dee came back
// within March and eve joined and churned in March, so neither counts: 1 / 5.
const churn = churnRate(subscriptions, march)
assert.equal(churn.value, 0.2)
assert.deepEqual(churn.notCounted, { joinedAndChurned: 1, churnedAndReactivated: 1 })
assert.equal(churn.excluded.trial, 1)
// Stripe's policies count both, over customers at the start plus new ones: 3 / (5 + 1).
const stripe = churnRate(subscriptions, {
  ...march,
  denominator: 'start-plus-new',
  joinedAndChurned: 'include',
  churnedAndReactivated: 'include',
})
assert.equal(stripe.value, 0.5)
// 20 % a month compounds to 1 − 0.8¹² ≈ 93.1 % a year.
assert.equal(annualize(churn.value)?.toFixed(3), '0.931')

// Retention (E − N) / S: 4 at the end (ada, cy, dee, fay), 1 new (eve, already gone): (4 − 1) / 5.
assert.equal(retentionRate(subscriptions, march).value, 0.6)

// MRR on 1 March: 50 + 30 + 20 + 40 + 100 = $240; movements in March, netted per customer.
assert.equal(mrr(subscriptions, { at: at('2024-03-01') }).value, 240)
const moves = mrrMovements(subscriptions, { ...march, detail: true })
assert.deepEqual(moves.movements, { new: 0, expansion: 25, contraction: 0, churn: 30, reactivation: 0 })
assert.equal(moves.end, 240 + 25 - 30)

// Revenue retention of the customers paying at the start of March: $235 of $240 kept; GRR caps cy at $20.
const revenue = revenueRetention(subscriptions, march)
assert.equal(revenue.nrr?.toFixed(4), (235 / 240).toFixed(4))
assert.equal(revenue.grr?.toFixed(4), (210 / 240).toFixed(4))
assert.equal(revenue.grossMrrChurn?.toFixed(4), (30 / 240).toFixed(4))

// Monthly MRR growth, and the compound monthly growth rate over the quarter.
const closing = mrrMovements(subscriptions, {
  range: { from: at('2024-01-01'), to: at('2024-04-01') },
  unit: 'month',
}).periods.map((p) => p.result.end)
assert.deepEqual(closing, [180, 240, 235])
assert.equal(growth(closing, { method: 'cmgr' }).value?.toFixed(4), ((235 / 180) ** (1 / 2) - 1).toFixed(4))

// A cohort table by first paid month, as of 1 May (January to April): January's three (ada, bo, fay) keep
// 3, 3, 2, 2 — bo leaves in March.
const cohorts = cohortRetention(subscriptions, { unit: 'month', asOf: at('2024-05-01') })
assert.deepEqual(
  cohorts.cohorts[0]?.cells.map((c) => c.retained),
  [3, 3, 2, 2],
)

// Kaplan–Meier over customer lifetimes in days, censored at 1 May.
const lifetimes = customerLifetimes(subscriptions, { asOf: at('2024-05-01'), durationUnit: 'day' })
const km = survival(lifetimes)
// dee's first spell ends after 19 days (5/6 left), eve's after 26 (4/6), bo's after 60 with 4 at risk (1/2):
// the median lifetime is 60 days.
assert.equal(km.events, 3)
assert.equal(km.median.value, 60)

console.log('March churn', churn.value, '— retention', retentionRate(subscriptions, march).value)
console.log(
  'March movements',
  moves.movements,
  '— NRR',
  revenue.nrr?.toFixed(3),
  'GRR',
  revenue.grr?.toFixed(3),
)
console.log(
  'January cohort',
  cohorts.cohorts[0]?.cells.map((c) => c.value),
)
console.log('KM', km.curve.map((p) => `${p.time.toFixed(0)}d: ${p.survival.toFixed(3)}`).join(', '))
