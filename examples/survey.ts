// Survey KPIs on the spec's published examples, with intervals, account-level views and comparisons.
import assert from 'node:assert/strict'
import {
  accountLevel,
  ces,
  compare,
  csat,
  fold,
  nps,
  npsAggregator,
  npsInterval,
  roundForDisplay,
} from 'cx-metrics'

// NPS: 100 promoters, 30 passives, 80 detractors → 9.52 (passives count in the denominator).
const scores = [...Array(100).fill(10), ...Array(30).fill(8), ...Array(80).fill(2)]
const result = nps(scores)
console.log(result)
assert.equal(result.value?.toFixed(4), '9.5238')
assert.equal(result.ci?.method, 'adjusted-wald')

// Unanswered, off-scale and fractional scores are counted, never turned into 0.
const messy = nps([10, 9, null, 11, 7.5, 3])
assert.deepEqual(
  [messy.n, messy.excluded.missing, messy.excluded.offScale, messy.excluded.nonInteger],
  [3, 1, 1, 1],
)

// Display rounding is half away from zero, and only for display: −12.5 → −13.
assert.equal(roundForDisplay(-12.5), -13)

// The seeded bootstrap interval, through npsInterval on the result's counts: reproducible.
const boot = npsInterval(result, { method: 'bootstrap', seed: 42 })
assert.deepEqual(boot, npsInterval(result, { method: 'bootstrap', seed: 42 }))

// CSAT (Delighted's example): 74 of 107 rated 4 or 5 → 69.16 %, shown as 69.
const ratings = [
  ...Array(42).fill(5),
  ...Array(32).fill(4),
  ...Array(10).fill(3),
  ...Array(9).fill(2),
  ...Array(14).fill(1),
]
const satisfaction = csat(ratings)
assert.equal(roundForDisplay(100 * (satisfaction.value ?? 0)), 69)
assert.equal(satisfaction.ci?.lower.toFixed(4), '0.5987') // Wilson 95 %

// Month over month: is 69.2 % (74/107) really better than 60 % (60/100)? z = 1.38, p = 0.17: no.
const lastMonth = csat([...Array(60).fill(5), ...Array(40).fill(2)])
const change = compare(satisfaction, lastMonth)
console.log(change)
assert.equal(change.change?.toFixed(2), '9.16') // points, not percent
assert.equal(change.test?.pValue?.toFixed(4), '0.1681')

// CES 2.0: 350 responses summing to 1,850 → mean 5.2857; net effort 46 % easy − 24 % difficult = +22.
const effort = [...Array(210).fill(6), ...Array(100).fill(5), ...Array(10).fill(3), ...Array(30).fill(2)]
assert.equal(ces(effort).value?.toFixed(4), '5.2857')
const net = [...Array(230).fill(7), ...Array(150).fill(4), ...Array(120).fill(1)]
assert.equal(ces(net, { method: 'net' }).value, 22)

// Account-level NPS: each customer counted once, by their latest answer.
const responses = [
  { customer: 'acme', score: 3, at: '2025-01-10T10:00:00Z' },
  { customer: 'acme', score: 9, at: '2025-03-02T10:00:00Z' },
  { customer: 'bolt', score: 10, at: '2025-02-01T10:00:00Z' },
]
const perAccount = fold(
  accountLevel(
    npsAggregator((r: (typeof responses)[number]) => r.score),
    {
      account: (r) => r.customer,
      policy: 'latest',
      date: (r) => r.at,
    },
  ),
  responses,
)
assert.deepEqual([perAccount.n, perAccount.value, perAccount.excluded.duplicateAccount], [2, 100, 1])
