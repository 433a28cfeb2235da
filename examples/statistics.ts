// Intervals and tests from the statistics toolkit, on the spec's published examples.
import assert from 'node:assert/strict'
import { newcombeInterval, normalQuantile, twoProportionTest, wilsonInterval } from 'cx-metrics'

// 30 of 50 customers satisfied: the Wilson 95 % interval is [46.18 %, 72.39 %].
const ci = wilsonInterval(30, 50)
console.log(ci)
assert.equal(ci?.lower.toFixed(4), '0.4618')
assert.equal(ci?.upper.toFixed(4), '0.7239')

// CSAT went from 60/100 to 74/107: is that more than noise? z = 1.378, p = 0.168 — not significant.
const test = twoProportionTest({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })
console.log(test)
assert.equal(test.statistic?.toFixed(4), '1.3782')
assert.equal(test.pValue?.toFixed(4), '0.1681')
assert.deepEqual(
  [newcombeInterval({ successes: 74, trials: 107 }, { successes: 60, trials: 100 })?.lower.toFixed(4)],
  ['-0.0382'],
)

// The critical value behind every 95 % interval.
assert.equal(normalQuantile(0.975).toFixed(9), '1.959963985')
